using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reporting.Azure.Emulator;

/// <summary>
/// Starts Azurite (the official storage emulator, npm package pinned in the repository's package.json)
/// on 127.0.0.1 and stops it on dispose. Used by the local host when no storage is configured, and by the tests.
/// Stopping is graceful (SIGINT, as Ctrl+C): Azurite then writes out what it acknowledged; SIGKILL lost acknowledged
/// writes. It is killed only when it has not exited by <see cref="StopDeadline"/>.
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
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    /// <param name="ports">Blob, queue and table ports; null picks free ones.</param>
    public static async Task<AzuriteProcess> StartAsync(string? dataFolder = null, (int Blob, int Queue, int Table)? ports = null, CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable() ?? throw new FileNotFoundException(
            "Azurite was not found (node_modules/.bin/azurite). Run `npm ci` in the repository root, or set AzureWebJobsStorage to a storage connection string.");
        var (blob, queue, table) = ports ?? (LoopbackPorts.Next(), LoopbackPorts.Next(), LoopbackPorts.Next());
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(), "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString() })
            start.ArgumentList.Add(argument);
        if (dataFolder is null) start.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blob, queue, table);
        await azurite.WaitUntilListeningAsync(cancellationToken);
        return azurite;
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
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} (is a port in use?).");
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
