using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reporting.Development.Emulator;

/// <summary>
/// Starts Azurite (the official storage emulator, npm package pinned in the repository's package.json)
/// on 127.0.0.1 and stops it on dispose. Used by the local host when no storage is configured, and by the tests.
/// Stopping is graceful (SIGINT, as Ctrl+C): Azurite then writes out what it acknowledged; SIGKILL lost acknowledged
/// writes. It is killed only when it has not exited by <see cref="StopDeadline"/>. It runs under azurite-launcher.js,
/// which stops it when this process dies without disposing it (SIGKILL, a crash) and, with a data folder, saves each
/// write before Azurite answers it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>How long a graceful stop may take before the process tree is killed.</summary>
    public static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(20);

    public int ProcessId => _process.Id;
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>The well-known development account (its key is public, documented by Microsoft).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:"
            + $"{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    /// <param name="ports">Blob, queue and table ports; null picks free ones.</param>
    /// <param name="saveEachWrite">
    /// With a data folder: answer a write only once Azurite's databases are saved (see azurite-launcher.js); otherwise
    /// Azurite saves every 5 s and a crash loses what it acknowledged since.
    /// </param>
    public static async Task<AzuriteProcess> StartAsync(string? dataFolder = null, (int Blob, int Queue, int Table)? ports = null,
        CancellationToken cancellationToken = default, bool saveEachWrite = true)
    {
        var executable = FindExecutable() ?? throw new FileNotFoundException(
            "Azurite was not found (node_modules/.bin/azurite). Run `npm ci` in the repository root, or set AzureWebJobsStorage to a storage connection "
                + "string.");
        var (blob, queue, table) = ports ?? (LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next());
        // Through the launcher, which stops Azurite when this process dies (even by SIGKILL) and can save each write.
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Launcher);
        start.ArgumentList.Add(executable);
        if (dataFolder is not null && saveEachWrite) start.ArgumentList.Add("--saveEachWrite");
        foreach (var argument in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString() })
            start.ArgumentList.Add(argument);
        if (dataFolder is null) start.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(Path.GetFullPath(dataFolder));
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null && errors.Count < 20) errors.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blob, queue, table);
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or SocketException or OperationCanceledException)
        {
            // Never leave an emulator behind that the caller has no handle on.
            await azurite.DisposeAsync();
            if (e is OperationCanceledException) throw;
            throw new InvalidOperationException($"{e.Message} {string.Join(" ", errors)}".Trim(), e);
        }
        return azurite;
    }

    /// <summary>azurite-launcher.js, copied beside the app.</summary>
    private static string Launcher
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "azurite-launcher.js");
            return File.Exists(path) ? path : throw new FileNotFoundException("azurite-launcher.js is missing beside the app.", path);
        }
    }

    /// <summary>Looks for node_modules/.bin/azurite in the working directory, the app folder and their parents.</summary>
    public static string? FindExecutable()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        // Generous: node takes seconds to start on a loaded two-core machine (tens of seconds seen while builds ran).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_process.ExitCode} (is one of the ports {BlobPort}, {QueuePort}, {TablePort} in use?).");
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // A paused emulator (SIGSTOP in tests) must run again to handle the interrupt.
                PosixSignal.Send(_process.Id, PosixSignal.Continue);
                if (!PosixSignal.Send(_process.Id, PosixSignal.Interrupt) || !await ExitedWithinAsync(StopDeadline))
                {
                    _process.Kill(entireProcessTree: true);
                    await ExitedWithinAsync(TimeSpan.FromSeconds(10));
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private async Task<bool> ExitedWithinAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
