using System.Net;
using System.Text;
using System.Text.Json;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Contention on one part and messages the queue trigger cannot read, on the shared local host.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class QueueAndLoadTests(LocalHostFixture app)
{
    [Fact]
    public async Task Two_hundred_concurrent_submissions_of_one_part_are_all_stored_as_versions_1_to_200()
    {
        const int year = 2009;
        const string department = "tjj";

        var answers = await Together.RunAsync(200, async i =>
        {
            var body = $"第{i}稿：我局认真履行法治政府建设第一责任人职责。";
            using var response = await app.SubmitAsync(year.ToString(), department, "duty", body);
            var text = await response.Content.ReadAsStringAsync();
            return (Status: response.StatusCode, Body: body, Text: text);
        });

        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} of 200 not created, e.g. {(refused.Count > 0 ? $"{(int)refused[0].Status} {refused[0].Text}" : "")}");
        var versions = answers.ToDictionary(a => JsonDocument.Parse(a.Text).RootElement.GetProperty("version").GetInt32(), a => a.Body);
        Assert.Equal(Enumerable.Range(1, 200), versions.Keys.Order());
        // Every acknowledged version holds the text its own request sent.
        foreach (var (version, body) in versions)
        {
            var draft = JsonDocument.Parse(await app.ClientAs("office").GetStringAsync($"api/reports/{year}/{department}/sections/duty/drafts/{version}"))
                .RootElement;
            Assert.Equal(body, draft.GetProperty("body").GetString());
        }
    }

    [Fact]
    public async Task A_message_that_is_not_base64_is_poisoned_alone_and_a_valid_message_in_the_same_batch_is_processed()
    {
        const int year = 2009;
        const string department = "ybj";
        await app.SubmitFixtureAsync(year, department);
        await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
        var queue = app.Storage.RawQueues.GetQueueClient(app.Storage.Options.AssemblyQueue);
        // The poison queue reads back with the app's own (Base64) codec, the undecodable message included (moved at
        // once, re-encoded; a message that failed as a function would be moved as received, after every retry).
        var poison = app.Storage.Queues.GetQueueClient(app.Storage.Options.AssemblyQueue + "-poison");
        var bad = "这不是 Base64 " + Guid.NewGuid().ToString("N");
        var validJson = $$"""{"year":{{year}},"department":"{{department}}","version":1}""";
        var valid = Convert.ToBase64String(Encoding.UTF8.GetBytes(validJson));

        // Both become visible at the same moment, so the listener receives them in one batch.
        var visibleIn = TimeSpan.FromSeconds(2);
        await queue.SendMessageAsync(bad, visibilityTimeout: visibleIn);
        await queue.SendMessageAsync(valid, visibilityTimeout: visibleIn);

        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, TimeSpan.FromSeconds(120),
            "the assembly queue still holds messages 30 s later: a message that cannot be decoded blocks the batch");
        var poisoned = new List<string>();
        foreach (var message in (await poison.PeekMessagesAsync(32)).Value) poisoned.Add(message.MessageText);
        Assert.Contains(bad, poisoned);
        Assert.DoesNotContain(validJson, poisoned);
    }
}
