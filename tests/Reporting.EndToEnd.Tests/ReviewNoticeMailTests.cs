using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 待审核 e-mails as the SMTP server receives them: the first at once to each approver who may decide the draft, later
/// submissions gathered into one digest per approver when the 15-minute window ends (a host of its own with a test clock,
/// the window walked by moving it). Year 2019 only.
/// </summary>
public sealed class ReviewNoticeMailTests
{
    private const int Year = 2019;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Duty = "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况";

    private static string Key(string approver, string window) => $"{Year}-kgj-review-{approver}-{window}";

    private static int ReviewMails(LocalHostFixture env) => env.Smtp.Messages.Count(m => m.Headers["X-Report-Key"]?.StartsWith($"{Year}-kgj-review-") == true);

    [Fact]
    public async Task Approvers_get_the_first_at_once_then_one_digest_per_window_of_what_still_awaits_them_never_their_own_and_never_twice()
    {
        var clock = new ManualClock(new DateTimeOffset(2020, 1, 10, 2, 0, 0, TimeSpan.Zero));
        var env = new LocalHostFixture { LogName = "review-notices", HostServices = services => services.AddSingleton<TimeProvider>(clock) };
        try
        {
            await env.InitializeAsync();
            var baseUrl = env.Host.BaseAddress.GetLeftPart(UriPartial.Authority);
            var duty = await env.SubmitOkAsync(Year, "kgj", "duty", FixtureReport.Parts["duty"]);

            // Each approver's first notice arrives at once (waited for, never slept on).
            var first = await env.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == Key("kgj-approver", "202001100200"), Wait);
            var second = await env.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == Key("kgj-approver2", "202001100200"), Wait);
            Assert.Equal(("kgj-approver@localhost", "kgj-approver2@localhost"), (first.To.Mailboxes.Single().Address, second.To.Mailboxes.Single().Address));
            Assert.StartsWith($"待您审核：{Year} 年魏都区科工局“{Duty}”第 {duty} 版（", first.Subject);
            var text = first.TextBody!.ReplaceLineEndings("\n");
            Assert.Contains($"    审核：{baseUrl}/api/review?year={Year}&department=kgj&section=duty&version={duty}\n", text);
            Assert.Contains($"我的待办（全部待您处理的事项）：\n{baseUrl}/api/todo?year={Year}\n", text);
            MailSamples.Save("review-awaited", first);
            var reviewLink = new Uri(text.Split('\n').First(l => l.StartsWith("    审核：", StringComparison.Ordinal))["    审核：".Length..]);
            using (var review = await env.ClientAs("kgj-approver").GetAsync(reviewLink.PathAndQuery))
                Assert.Equal(HttpStatusCode.OK, review.StatusCode);

            // Within the window: 一、 decided, 二、 submitted by the author and 四、 by an approver (four-eyes: not told of their own).
            clock.Advance(TimeSpan.FromMinutes(2));
            await env.ApproveOkAsync(Year, "kgj", "duty", duty, asUser: "kgj-approver");
            clock.Advance(TimeSpan.FromMinutes(1));
            var measures = await env.SubmitOkAsync(Year, "kgj", "measures", FixtureReport.Parts["measures"]);
            clock.Advance(TimeSpan.FromMinutes(2));
            var plans = await env.SubmitOkAsync(Year, "kgj", "plans", FixtureReport.Parts["plans"], asUser: "kgj-approver");
            await env.WaitForQueuesToDrainAsync();
            Assert.Equal(2, ReviewMails(env));

            // The window ends: the sweep sends one digest per approver, listing what still awaits them.
            clock.Advance(TimeSpan.FromMinutes(11));
            await env.Host.Services.GetRequiredService<OnceOnlyDelivery>().SweepAsync();
            var digest = await env.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == Key("kgj-approver2", "202001100215"), Wait);
            var own = await env.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == Key("kgj-approver", "202001100215"), Wait);
            var digestText = digest.TextBody!.ReplaceLineEndings("\n");
            Assert.StartsWith($"待您审核：{Year} 年魏都区科工局 2 份草稿（", digest.Subject);
            Assert.Contains($"section=measures&version={measures}\n", digestText);
            Assert.Contains($"section=plans&version={plans}\n", digestText);
            Assert.DoesNotContain("section=duty", digestText);
            Assert.StartsWith($"待您审核：{Year} 年魏都区科工局“", own.Subject);
            Assert.Contains($"section=measures&version={measures}\n", own.TextBody!.ReplaceLineEndings("\n"));
            Assert.DoesNotContain("section=plans", own.TextBody!);
            MailSamples.Save("review-awaited-digest", digest);

            // Duplicate queue messages of both windows send nothing again.
            var queue = env.Host.Services.GetRequiredService<IWorkQueue>();
            await queue.EnqueueNotificationAsync(new NotificationMessage.ReviewAwaited(Year, "kgj", "kgj-approver2", "202001100200"));
            await queue.EnqueueNotificationAsync(new NotificationMessage.ReviewAwaited(Year, "kgj", "kgj-approver2", "202001100215"));
            await env.WaitForQueuesToDrainAsync();
            Assert.Equal(4, ReviewMails(env));
            Assert.Equal((1, 1), (env.Smtp.Count(Key("kgj-approver2", "202001100200")), env.Smtp.Count(Key("kgj-approver2", "202001100215"))));
        }
        finally
        {
            await env.DisposeAsync();
        }
    }
}
