// Starts Azurite (node_modules/azurite, as installed by `npm ci`; nothing in it is patched) for the local host and the
// tests, with two changes made from the outside:
//
// 1. Azurite stops when the process that started it dies. A local host killed with SIGKILL cannot stop its emulator,
//    which then kept the fixed ports 10000-10002 for good. Every second this checks whether the parent is still the
//    one it started under; when it is not, Azurite is stopped as Ctrl+C stops it (SIGINT: it writes out its data).
//    prctl(PR_SET_PDEATHSIG) is not used: it fires when the *thread* that started the child ends, and .NET starts
//    processes from pool threads that come and go.
// 2. --saveEachWrite: Azurite keeps its tables, queues and blob metadata in LokiJS databases that it saves to disk
//    every 5 s (a constant in its source). A SIGKILL or a crash lost whatever it had acknowledged since the last save.
//    With this flag, an answer to a request that changed something is held back until those databases are saved
//    (the write goes to a temporary file and is renamed over the old one), so what Azurite acknowledged is on disk.
//    Concurrent requests share one save (LokiJS queues saves), so the cost is one file write per burst of requests.
//
// Usage: node azurite-launcher.js <path of azurite's dist/src/azurite.js> [--saveEachWrite] <azurite arguments...>
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");

const [executable, ...rest] = process.argv.slice(2);
// node_modules/.bin/azurite is a link to dist/src/azurite.js; its own requires are relative to the real file.
const azurite = fs.realpathSync(executable);
const saveEachWrite = rest.includes("--saveEachWrite");
const azuriteArguments = rest.filter((argument) => argument !== "--saveEachWrite");

const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentWatch);
  console.error(`azurite-launcher: the process that started Azurite (${parent}) is gone; stopping Azurite.`);
  process.kill(process.pid, "SIGINT");
  // Azurite closes its servers and saves; should that hang, the process still goes.
  setTimeout(() => process.exit(1), 20000).unref();
}, 1000);
parentWatch.unref();

if (saveEachWrite) {
  const lokiPath = require.resolve("lokijs", { paths: [path.dirname(azurite)] });
  const Loki = require(lokiPath);
  const onDisk = new Set();
  class SavedLoki extends Loki {
    constructor(filename, options) {
      super(filename, options);
      if (options && options.persistenceMethod === "fs") onDisk.add(this);
    }
  }
  // Azurite's modules get this class when they require("lokijs").
  require.cache[lokiPath].exports = SavedLoki;

  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (...args) {
    const method = this.req && this.req.method;
    // A save in flight may have started before this request's change (LokiJS clears its dirty flags when a save
    // begins), so a pending save counts as unsaved too: saveDatabase then queues one more save after it.
    const unsaved = method === "GET" || method === "HEAD"
      ? []
      : [...onDisk].filter((db) => db.autosaveDirty() || db.throttledSavePending);
    if (unsaved.length === 0) return end.apply(this, args);
    Promise.all(unsaved.map((db) => new Promise((resolve, reject) => db.saveDatabase((err) => (err ? reject(err) : resolve())))))
      .then(() => end.apply(this, args))
      .catch((err) => {
        // Not saved: no acknowledgement. The client sees a broken connection and may retry.
        console.error(`azurite-launcher: saving failed, the answer is withheld: ${err}`);
        this.destroy(err);
      });
    return this;
  };
}

process.argv = [process.argv[0], azurite, ...azuriteArguments];
require(azurite);
