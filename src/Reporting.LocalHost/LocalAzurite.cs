using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Reporting.Development.Emulator;

namespace Reporting.LocalHost;

/// <summary>
/// The local host's own Azurite, when no storage is configured: over .local/azurite on 127.0.0.1:10000-10002 unless
/// LocalHost:AzuriteData and LocalHost:AzuritePorts say otherwise. What it finds before starting is said in the log:
/// an orphaned Azurite over the same data folder (its host gone) is stopped; one whose host still runs is refused,
/// since two emulators over one folder overwrite each other's files; ports held by anything else give way to free ones.
/// </summary>
internal static class LocalAzurite
{
    public static readonly (int Blob, int Queue, int Table) UsualPorts = (10000, 10001, 10002);

    private static readonly TimeSpan OrphanPortsReleased = TimeSpan.FromSeconds(30);

    public static async Task<AzuriteProcess> StartAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(configuration["LocalHost:AzuriteData"] ?? Path.Combine(Directory.GetCurrentDirectory(), ".local", "azurite"));
        var saveEachWrite = !string.Equals(configuration["LocalHost:AzuriteSaveEachWrite"], "false", StringComparison.OrdinalIgnoreCase);
        var wanted = PortsFrom(configuration["LocalHost:AzuritePorts"]);

        var running = RunningAzurite.Over(data);
        if (running is { IsOrphan: true })
        {
            logger.LogWarning("发现上次遗留的 Azurite（进程 {ProcessId}，启动它的本地主机已不在）仍在使用数据目录 {DataFolder}，正在停止它（SIGINT，它会先保存数据）。",
                running.ProcessId, data);
            await running.StopAsync(cancellationToken);
        }
        else if (running is not null)
            throw new InvalidOperationException(
                $"数据目录 {data} 已由另一个 Azurite 使用（进程 {running.ProcessId}，由仍在运行的进程 {running.ParentId} 启动）。" +
                "请先停止那个本地主机，或用 LocalHost__AzuriteData 另选数据目录、LocalHost__AzuritePorts=free 使用空闲端口。");

        if (wanted is { } ports)
        {
            var taken = new[] { ports.Blob, ports.Queue, ports.Table }.Where(LoopbackPorts.IsListenedOn).ToList();
            // The stopped orphan's ports can take a moment to be let go of; they are not another program's.
            for (var deadline = DateTime.UtcNow + OrphanPortsReleased; running is not null && taken.Count > 0 && DateTime.UtcNow < deadline;)
            {
                await Task.Delay(200, cancellationToken);
                taken = taken.Where(LoopbackPorts.IsListenedOn).ToList();
            }
            if (taken.Count == 0) return await AzuriteProcess.StartAsync(data, ports, cancellationToken, saveEachWrite);
            var azurite = await AzuriteProcess.StartAsync(data, null, cancellationToken, saveEachWrite);
            logger.LogWarning("端口 {Taken} 已被其他程序占用（不是本地主机的 Azurite），本次 Azurite 改用空闲端口 {Blob}、{Queue}、{Table}。",
                string.Join("、", taken), azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
            return azurite;
        }
        return await AzuriteProcess.StartAsync(data, null, cancellationToken, saveEachWrite);
    }

    /// <summary>"free" (null: any free ports), "blob,queue,table", or nothing (the usual ports).</summary>
    private static (int Blob, int Queue, int Table)? PortsFrom(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return UsualPorts;
        if (setting.Trim() == "free") return null;
        var parts = setting.Split(',', StringSplitOptions.TrimEntries);
        var ports = parts.Select(p => int.TryParse(p, out var port) && port is > 0 and < 65536 ? port : -1).ToArray();
        if (ports.Length != 3 || ports.Contains(-1))
            throw new InvalidOperationException($"LocalHost__AzuritePorts 须为 free 或三个端口号“blob,queue,table”（如 10000,10001,10002），而不是“{setting}”。");
        return (ports[0], ports[1], ports[2]);
    }
}
