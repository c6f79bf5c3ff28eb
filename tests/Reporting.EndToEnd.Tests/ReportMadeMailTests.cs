using MimeKit;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 报告已生成 e-mails to a department's authors as the SMTP server receives them: when the report's PDF is made, each author of
/// its parts is told once, however often the assembly or the notice is queued again, and told again for a new version; the
/// district office's own notice still goes. Year 2002 of 农业农村局 (nyj) only.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ReportMadeMailTests(LocalHostFixture app)
{
    private const int Year = 2002;
    private const string Department = "nyj";
    private const string Author = "nyj-author";
    // An approver who wrote one part (approved by the other approver, four-eyes): an author of the report like any other.
    private const string ApproverAuthor = "nyj-approver2";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private string Base => app.Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static string Key(int version, string author) => $"{Year}-{Department}-made-v{version}-{author}";

    private Task<MimeMessage> MailAsync(int version, string author) => app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == Key(version, author), Wait);

    [Fact]
    public async Task Each_author_gets_one_email_per_report_version_however_often_the_assembly_or_the_notice_is_queued_again()
    {
        var versions = new Dictionary<string, int>();
        foreach (var section in FixtureReport.RequiredSections)
            versions[section] = await app.SubmitOkAsync(Year, Department, section, FixtureReport.Parts[section], section == "duty" ? ApproverAuthor : Author);
        foreach (var section in FixtureReport.RequiredSections) await app.ApproveOkAsync(Year, Department, section, versions[section]);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));
        var authorMail = await MailAsync(1, Author);
        var approverMail = await MailAsync(1, ApproverAuthor);

        // Duplicates of the assembly and of each notice, as a retry or a crash would leave them: nothing is sent twice.
        var queue = (IWorkQueue)app.Host.Services.GetService(typeof(IWorkQueue))!;
        await queue.EnqueueAssemblyAsync(new AssemblyMessage(Year, Department, 1));
        await queue.EnqueueNotificationAsync(new NotificationMessage.ReportMade(Year, Department, 1, Author));
        await queue.EnqueueNotificationAsync(new NotificationMessage.ReportMade(Year, Department, 1, ApproverAuthor));
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal((1, 1, 1), (app.Smtp.Count(Key(1, Author)), app.Smtp.Count(Key(1, ApproverAuthor)), app.Smtp.Count($"{Year}-{Department}-v1")));
        Assert.Empty(app.Smtp.Messages.Where(m => m.Headers["X-Report-Key"]?.StartsWith($"{Year}-{Department}-made-", StringComparison.Ordinal) == true)
            .Select(m => m.Headers["X-Report-Key"]).Except([Key(1, Author), Key(1, ApproverAuthor)]));

        Assert.Equal($"{Author}@localhost", authorMail.To.Mailboxes.Single().Address);
        Assert.Equal($"{ApproverAuthor}@localhost", approverMail.To.Mailboxes.Single().Address);
        Assert.Equal($"【报告已生成】魏都区农业农村局 {Year}年度法治政府建设情况的报告（第1版）", authorMail.Subject);
        Assert.Equal("report.made", authorMail.Headers["X-Notice-Kind"]);
        var text = authorMail.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith("农业农村局起草人：\n", text);
        Assert.Contains($"本部门的报告已生成：魏都区农业农村局{Year}年法治政府建设情况的报告（第1版），于 ", text);
        Assert.Contains("（北京时间）排版生成，共 ", text);
        Assert.Contains("  · 二、", text);
        Assert.DoesNotContain("  · 一、", text);
        Assert.Contains($"本部门报告（各部分状态和各版 PDF）：\n{Base}/api/department?year={Year}&department={Department}\n", text);
        Assert.Contains($"下载 PDF（登录本系统后打开，核对权限后生成临时下载链接）：\n{Base}/api/reports/{Year}/{Department}/pdf?version=1\n", text);
        // The parts each author wrote, and only those.
        var approverText = approverMail.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("  · 一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n", approverText);
        Assert.DoesNotContain("  · 二、", approverText);
        MailSamples.Save("report-made", authorMail);
        var hook = app.Webhook.Accepted.Single(e => e.GetProperty("key").GetString() == Key(1, Author));
        Assert.Equal(("report.made", Department, 1, Author), (hook.GetProperty("type").GetString(), hook.GetProperty("department").GetString(),
            hook.GetProperty("version").GetInt32(), hook.GetProperty("author").GetString()));

        // A new version of one part makes PDF version 2: every author of that version is told again, once.
        var plans = await app.SubmitOkAsync(Year, Department, "plans", FixtureReport.Parts["plans"] + "\n（四）新增一项安排：加强执法监督。", Author);
        await app.ApproveOkAsync(Year, Department, "plans", plans);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 2));
        var second = await MailAsync(2, Author);
        await MailAsync(2, ApproverAuthor);
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal($"【报告已生成】魏都区农业农村局 {Year}年度法治政府建设情况的报告（第2版）", second.Subject);
        Assert.Equal((1, 1, 1, 1), (app.Smtp.Count(Key(1, Author)), app.Smtp.Count(Key(1, ApproverAuthor)), app.Smtp.Count(Key(2, Author)),
            app.Smtp.Count(Key(2, ApproverAuthor))));
    }
}
