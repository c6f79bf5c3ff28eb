using System.Net;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Every step is at-least-once: duplicates, retries and re-approvals must not multiply PDFs or e-mails.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class IdempotencyTests(LocalHostFixture app)
{
    private async Task CompleteAsync(int year, string department)
    {
        await app.SubmitFixtureAsync(year, department);
        await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
    }

    [Fact]
    public async Task Duplicate_assembly_and_notification_messages_make_no_second_blob_version_or_email()
    {
        const int year = 2024;
        const string department = "fgw";
        await CompleteAsync(year, department);
        var queue = (IWorkQueue)app.Host.Services.GetService(typeof(IWorkQueue))!;
        for (var i = 0; i < 3; i++)
        {
            await queue.EnqueueAssemblyAsync(new AssemblyMessage(year, department, 1));
            await queue.EnqueueNotificationAsync(new NotificationMessage.ReportReady(year, department, 1));
        }
        // Every duplicate was handled to the end (deleted, not merely hidden) before the outcome is read.
        await app.WaitForQueuesToDrainAsync();

        Assert.Equal([$"{year}/{department}/{year}-{department}-v1.ofd", $"{year}/{department}/{year}-{department}-v1.pdf"],
            await app.ListBlobsAsync($"{year}/{department}/"));
        var report = await app.GetReportAsync(year, department);
        var version = Assert.Single(report.GetProperty("versions").EnumerateArray());
        Assert.Equal((1, "assembled"), (version.GetProperty("version").GetInt32(), version.GetProperty("status").GetString()));
        Assert.Equal("sent", LocalHostFixture.Notification(report, 1)!.Value.GetProperty("status").GetString());
        Assert.Equal(1, app.Smtp.Count($"{year}-{department}-v1"));
        Assert.Equal(1, app.Webhook.Count($"{year}-{department}-v1"));
    }

    [Fact]
    public async Task Approving_a_newer_version_after_assembly_yields_pdf_version_2_and_keeps_version_1()
    {
        const int year = 2024;
        const string department = "jyj";
        await CompleteAsync(year, department);
        var v2 = await app.SubmitOkAsync(year, department, "plans", FixtureReport.Parts["plans"] + "\n（四）新增一项安排：加强执法监督。");
        var outcome = await app.ApproveOkAsync(year, department, "plans", v2);
        Assert.Equal(2, outcome.GetProperty("pdfVersion").GetInt32());
        var report = await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 2));
        Assert.Equal(2, report.GetProperty("versions").GetArrayLength());
        var blobs = await app.ListBlobsAsync($"{year}/{department}/");
        Assert.Equal([$"{year}/{department}/{year}-{department}-v1.ofd", $"{year}/{department}/{year}-{department}-v1.pdf",
            $"{year}/{department}/{year}-{department}-v2.ofd", $"{year}/{department}/{year}-{department}-v2.pdf"],
            blobs.Order(StringComparer.Ordinal).ToArray());
        using var old = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{year}/{department}/pdf?version=1");
        Assert.Equal(HttpStatusCode.Found, old.StatusCode);
        var text = DraftToNotifiedPdfTests.PdfText(await new HttpClient().GetByteArrayAsync(old.Headers.Location));
        Assert.DoesNotContain("新增一项安排", text);
    }

    [Fact]
    public async Task Racing_approvals_of_different_parts_all_count_and_queue_one_assembly()
    {
        const int year = 2024;
        const string department = "mzj";
        var versions = await app.SubmitFixtureAsync(year, department, approve: false);
        var gate = new TaskCompletionSource();
        var racing = FixtureReport.RequiredSections.Select(async section =>
        {
            await gate.Task;
            using var response = await app.DecideAsync(year, department, section, versions[section], "approve");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }).ToList();
        gate.SetResult();
        await Task.WhenAll(racing);

        var report = await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
        foreach (var section in report.GetProperty("sections").EnumerateArray().Where(s => s.GetProperty("required").GetBoolean()))
            Assert.Equal(1, section.GetProperty("approvedVersion").GetInt32());
        Assert.Single(report.GetProperty("versions").EnumerateArray());
    }

    [Fact]
    public async Task A_final_approval_posted_twice_from_the_review_form_approves_once_and_makes_one_pdf()
    {
        const int year = 2024;
        const string department = "sfj";
        var versions = await app.SubmitFixtureAsync(year, department, approve: false);
        var last = FixtureReport.RequiredSections[^1];
        foreach (var section in FixtureReport.RequiredSections.Where(s => s != last))
            await app.ApproveOkAsync(year, department, section, versions[section]);
        var cookie = await app.SignInCookieAsync(LocalHostFixture.ApproverOf(department));
        var approval = $"api/reports/{year}/{department}/sections/{last}/drafts/{versions[last]}/approval";

        // 通过 on the 审核 page clicked twice (or the answer reloaded): the same form post again once the first was answered.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await SignedInRequests.PostFormAsync(app, cookie, approval, new() { ["decision"] = "approve", ["comment"] = "同意。" });
            answers.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], answers);

        // One decision, one PDF version (its PDF and OFD), one notice to the district office.
        await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
        await app.WaitForQueuesToDrainAsync();
        var report = await app.GetReportAsync(year, department);
        foreach (var section in FixtureReport.RequiredSections)
        {
            var draft = Assert.Single(report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == section)
                .GetProperty("drafts").EnumerateArray().ToList());
            Assert.Equal(("approved", versions[section]), (draft.GetProperty("status").GetString(), draft.GetProperty("version").GetInt32()));
        }
        Assert.Single(report.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == "draft.approved"
            && a.GetProperty("detail").GetString()!.StartsWith($"{last} v", StringComparison.Ordinal));
        Assert.Single(report.GetProperty("versions").EnumerateArray());
        Assert.Equal([$"{year}/{department}/{year}-{department}-v1.ofd", $"{year}/{department}/{year}-{department}-v1.pdf"],
            (await app.ListBlobsAsync($"{year}/{department}/")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, app.Smtp.Count($"{year}-{department}-v1"));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_ends_in_the_poison_queue()
    {
        var queue = app.Storage.Queues.GetQueueClient(app.Storage.Options.AssemblyQueue);
        await queue.SendMessageAsync("{ this is not json");
        var poison = app.Storage.Queues.GetQueueClient(app.Storage.Options.AssemblyQueue + "-poison");
        await Eventually.HoldsAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.MessageText == "{ this is not json"),
            TimeSpan.FromSeconds(60), "the failing message did not reach report-assembly-poison");
    }
}
