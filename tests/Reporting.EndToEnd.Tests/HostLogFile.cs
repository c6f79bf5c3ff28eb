using System.Text;
using Microsoft.Extensions.Logging;
using Reporting.TestSupport;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Keeps the local host's log lines (timers firing, the sweep, queue handlers) in .local/host-logs/&lt;name&gt;.log, so a
/// test that fails in CI can be read against what the host did; <see cref="Tail"/> puts the lines that matter into the
/// failure message itself. One file per fixture, kept across a restarted host; written as it goes (a killed run keeps
/// its lines), and cheap: one short line per log call under a lock.
/// </summary>
public sealed class HostLogFile : ILoggerProvider
{
    /// <summary>How many recent lines <see cref="Tail"/> can search.</summary>
    private const int Kept = 4000;

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly Queue<string> _recent = new();

    public HostLogFile(string name)
    {
        var directory = System.IO.Path.Combine(RepoPaths.Root, ".local", "host-logs");
        System.IO.Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, name + ".log");
        _writer = new StreamWriter(new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { AutoFlush = true };
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    /// <summary>The last <paramref name="count"/> kept lines that <paramref name="match"/> accepts, oldest first, with the file's path.</summary>
    public string Tail(Func<string, bool> match, int count = 30)
    {
        List<string> lines;
        lock (_gate) lines = _recent.Where(match).TakeLast(count).ToList();
        return $"host log {Path}, last {lines.Count} matching lines:\n  " + string.Join("\n  ", lines);
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_recent.Count == Kept) _recent.Dequeue();
            _recent.Enqueue(line);
            try { _writer.WriteLine(line); }
            catch (ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private sealed class Logger(HostLogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel.ToString()[..4]} {category}[{Environment.CurrentManagedThreadId}]: "
                + $"{formatter(state, exception)}";
            file.Write(exception is null ? line : $"{line}\n    {exception.ToString().Replace("\n", "\n    ", StringComparison.Ordinal)}");
        }
    }
}
