using Microsoft.Extensions.Configuration;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Core.Queues;
using Reporting.Functions;

namespace Reporting.Cli;

/// <summary>
/// <c>reporting replay-poison [QUEUE] [--connection STRING]</c>: moves the messages of QUEUE-poison (default: every
/// queue of the app) back to QUEUE. Storage comes from the app's own setting AzureWebJobsStorage (a connection
/// string, or the identity-based AzureWebJobsStorage__queueServiceUri form), or --connection.
/// </summary>
public static class ReplayPoisonCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = ReportingServices.ReadStorageOptions(configuration);
        if (BenchArguments.Text(args, "--connection") is { Length: > 0 } connection) options = new StorageOptions { ConnectionString = connection };
        StorageClients clients;
        try
        {
            clients = new StorageClients(options);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine($"无法连接存储：请设置 AzureWebJobsStorage（连接字符串）或 AzureWebJobsStorage__queueServiceUri，或用 --connection 指定。（{e.Message}）");
            return 2;
        }
        var replay = new PoisonQueueReplay(clients);
        var named = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && a != BenchArguments.Text(args, "--connection"));
        var queues = named is null ? replay.KnownQueues : [named];
        foreach (var queue in queues)
        {
            var moved = await replay.ReplayAsync(queue);
            Console.WriteLine($"{queue}{QueueNames.PoisonSuffix} → {queue}：已移回 {moved} 条消息");
        }
        return 0;
    }
}
