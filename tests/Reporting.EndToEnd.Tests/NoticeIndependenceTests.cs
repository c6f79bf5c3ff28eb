using System.Diagnostics;
using System.Net;
using Reporting.Core.Notices;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Notices never wait on each other: with a mail server that accepts connections and never answers, every notice's
/// webhook still goes out at once, and each e-mail attempt ends at the SMTP timeout. A host of its own, whose SMTP
/// server is the tarpit (the shared fixture's test SMTP server stays for the other tests).
/// </summary>
public sealed class NoticeIndependenceTests(ITestOutputHelper output)
{
    private const int Year = 2005;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(45);

    /// <param name="smtpTimeout">
    /// The default (15 s), and one longer than the 45 s allowed: then only channels delivered side by side and a queue
    /// listener that takes the next message while another still hangs bring the later rejections' webhooks in time.
    /// </param>
    [Theory]
    [InlineData(null)]
    [InlineData("00:01:00")]
    public async Task With_an_smtp_server_that_never_answers_each_of_three_rejections_webhooks_arrives_within_45_seconds(string? smtpTimeout)
    {
        var tarpit = new SmtpTarpit();
        await tarpit.InitializeAsync();
        var env = new LocalHostFixture
        {
            LogName = $"{nameof(NoticeIndependenceTests)}-{smtpTimeout?.Replace(':', '-') ?? "default"}",
            HostSettings = smtpTimeout is null
                ? new Dictionary<string, string?> { ["Smtp:Port"] = tarpit.Port.ToString() }
                // The claim must be at least twice the timeout (checked at start-up), so the SMTP timeout ends the attempt.
                : new Dictionary<string, string?>
                {
                    ["Smtp:Port"] = tarpit.Port.ToString(), ["Smtp:Timeout"] = smtpTimeout, ["Reporting:NotificationClaimLifetime"] = "00:03:00",
                },
        };
        try
        {
            await env.InitializeAsync();
            var sections = new[] { "duty", "measures", "shortcomings" };
            var versions = new Dictionary<string, int>();
            foreach (var section in sections) versions[section] = await env.SubmitOkAsync(Year, "kgj", section, FixtureReport.Parts[section]);

            // Three rejections a few seconds apart, as people make them; each webhook is timed from its own rejection.
            var rejectedAt = new Dictionary<string, Stopwatch>();
            foreach (var section in sections)
            {
                if (rejectedAt.Count > 0) await Task.Delay(TimeSpan.FromSeconds(3));
                using var response = await env.DecideAsync(Year, "kgj", section, versions[section], "reject", comment: "请补充数据。");
                Assert.True(response.StatusCode == HttpStatusCode.OK,
                    $"reject {section}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                rejectedAt[$"{Year}-kgj-{section}-v{versions[section]}-rejected"] = Stopwatch.StartNew();
            }

            var arrivedAfter = new Dictionary<string, TimeSpan>();
            await Eventually.HoldsAsync(() =>
            {
                foreach (var (key, clock) in rejectedAt)
                    if (!arrivedAfter.ContainsKey(key) && env.Webhook.Count(key) > 0) arrivedAfter[key] = clock.Elapsed;
                return Task.FromResult(arrivedAfter.Count == rejectedAt.Count);
            }, TimeSpan.FromSeconds(150), () =>
                $"within 150 s webhooks arrived only for {string.Join(", ", arrivedAfter.Select(p => $"{p.Key} after {p.Value.TotalSeconds:F1} s"))}; "
                + $"the tarpit held {tarpit.Accepted} connections\n" + env.HostLogAbout($"{Year}-kgj-"));

            foreach (var (key, after) in arrivedAfter) output.WriteLine($"{key}: webhook {after.TotalSeconds:F1} s after the rejection");
            Assert.True(tarpit.Accepted > 0, "the e-mail never reached the tarpit: the test did not test a hanging mail server");
            Assert.All(arrivedAfter, p => Assert.True(p.Value < Within, $"{p.Key}: webhook {p.Value.TotalSeconds:F1} s after its rejection"));

            // Each e-mail attempt ended at the SMTP timeout: recorded as failed and due again, not hanging on.
            var outbox = (INotificationOutbox)env.Host.Services.GetService(typeof(INotificationOutbox))!;
            var errors = new List<string?>();
            await Eventually.HoldsAsync(async () =>
            {
                errors.Clear();
                foreach (var key in rejectedAt.Keys) errors.Add((await outbox.FindAsync(key)).SingleOrDefault(e => e.Channel == "email")?.LastError);
                return errors.All(e => e is not null);
            }, TimeSpan.FromSeconds(150), () => $"not every e-mail attempt ended with an error: {string.Join(" | ", errors)}");
            output.WriteLine($"e-mail attempts ended with: {errors[0]}");
            Assert.All(errors, e => Assert.Contains("TimeoutException", e));
        }
        finally
        {
            await env.DisposeAsync();
            await tarpit.DisposeAsync();
        }
    }
}
