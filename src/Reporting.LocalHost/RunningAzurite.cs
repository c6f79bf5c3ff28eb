using Reporting.Development.Emulator;

namespace Reporting.LocalHost;

/// <summary>
/// An Azurite process already running over a data folder, found by its command line (Linux: /proc). Azurites the
/// local host started before azurite-launcher.js tied them to their host outlived a host killed with SIGKILL and kept
/// the usual ports; such an orphan is recognised by its data folder and by a parent that is gone (it was handed to
/// process 1).
/// </summary>
public sealed record RunningAzurite(int ProcessId, int ParentId)
{
    /// <summary>Its parent is gone: nobody will stop it, and nobody uses it knowingly.</summary>
    public bool IsOrphan => ParentId <= 1 || !IsAlive(ParentId);

    /// <summary>Whether a process runs (an exited one not yet reaped by its parent, a zombie, does not).</summary>
    public static bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The Azurite process (started directly or through the launcher) whose --location is <paramref name="dataFolder"/>; null if none.</summary>
    public static RunningAzurite? Over(string dataFolder)
    {
        if (!Directory.Exists("/proc")) return null;
        var location = Path.GetFullPath(dataFolder).TrimEnd('/');
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(arguments, "--location");
                if (at < 0 || at + 1 >= arguments.Length || !arguments.Any(a => a.Contains("azurite", StringComparison.Ordinal))) continue;
                if (Path.GetFullPath(arguments[at + 1]).TrimEnd('/') != location) continue;
                return new RunningAzurite(pid, ParentOf(dir));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was being read, or is not ours to read.
            }
        }
        return null;
    }

    /// <summary>The fourth field of /proc/{pid}/stat; the second (the name in parentheses) may itself hold spaces.</summary>
    private static int ParentOf(string dir)
    {
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stops it as Ctrl+C does (it saves its data), killed only if it has not exited by <see cref="AzuriteProcess.StopDeadline"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        PosixSignal.Send(ProcessId, PosixSignal.Interrupt);
        if (await ExitedWithinAsync(AzuriteProcess.StopDeadline, cancellationToken)) return;
        PosixSignal.Send(ProcessId, PosixSignal.Kill);
        if (!await ExitedWithinAsync(TimeSpan.FromSeconds(10), cancellationToken))
            throw new InvalidOperationException($"Azurite (process {ProcessId}) did not exit, even after SIGKILL.");
    }

    private async Task<bool> ExitedWithinAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (IsAlive(ProcessId))
        {
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(100, cancellationToken);
        }
        return true;
    }
}
