using System.Text;
using Azure.Storage.Queues;
using Reporting.Azure.Queues;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class StorageWorkQueueTests(AzuriteFixture azurite)
{
    /// <summary>Reads the raw queue the way the Functions queue trigger does: base64 of UTF-8 JSON.</summary>
    private static async Task<string> ReceiveRawAsync(string connectionString, string queue)
    {
        var raw = new QueueClient(connectionString, queue, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_01_05));
        var message = Assert.Single((await raw.ReceiveMessagesAsync(10)).Value);
        return Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
    }

    [Fact]
    public async Task Assembly_and_notification_messages_go_to_their_queues_as_base64_camel_case_json()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var queue = new StorageWorkQueue(clients);

        await queue.EnqueueAssemblyAsync(new AssemblyMessage(2023, "kgj", 2));
        await queue.EnqueueNotificationAsync(new NotificationMessage.ReportReady(2024, "sfj", 1));

        Assert.Equal("""{"year":2023,"department":"kgj","version":2}""", await ReceiveRawAsync(azurite.ConnectionString, clients.Options.AssemblyQueue));
        Assert.Equal("""{"year":2024,"department":"sfj","version":1,"kind":"report"}""",
            await ReceiveRawAsync(azurite.ConnectionString, clients.Options.NotificationQueue));
    }

    [Fact]
    public async Task Each_work_queue_has_its_poison_queue()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();

        foreach (var queue in new[] { clients.Options.AssemblyQueue, clients.Options.NotificationQueue })
        {
            var poison = clients.Queues.GetQueueClient(queue + Reporting.Core.Queues.QueueNames.PoisonSuffix);
            Assert.True((await poison.ExistsAsync()).Value, queue + "-poison is missing");
        }
    }
}
