using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>`reporting replay-poison` moves poison messages back to their queue on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public class PoisonQueueReplayTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Poison_messages_go_back_to_their_queue_verbatim_even_undecodable_ones_and_the_poison_queue_is_left_empty()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.EnsureCreatedAsync();
        var poison = clients.RawQueues.GetQueueClient(clients.Options.NotificationQueue + QueueNames.PoisonSuffix);
        var valid = Convert.ToBase64String("""{"year":2023,"department":"kgj","version":1}"""u8.ToArray());
        var texts = new[] { valid, "not base64 at all!", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{ 科工局")) };
        foreach (var text in texts) await poison.SendMessageAsync(text);

        var moved = await new PoisonQueueReplay(clients).ReplayAsync(clients.Options.NotificationQueue + QueueNames.PoisonSuffix);

        Assert.Equal(3, moved);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var target = clients.RawQueues.GetQueueClient(clients.Options.NotificationQueue);
        var received = (await target.ReceiveMessagesAsync(32)).Value.Select(m => m.Body.ToString()).Order().ToArray();
        Assert.Equal(texts.Order().ToArray(), received);
    }

    [Fact]
    public async Task Replaying_a_queue_without_poison_messages_moves_nothing()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.EnsureCreatedAsync();

        Assert.Equal(0, await new PoisonQueueReplay(clients).ReplayAsync(clients.Options.AssemblyQueue));
    }
}
