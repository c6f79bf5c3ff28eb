using System.Net;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// 已通过 e-mails as the SMTP server receives them: the author of an approved draft is told once, however often the
/// approval is posted. Year 2002 of 市场监管局 (scjgj) only.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ApprovalNoticeMailTests(LocalHostFixture app)
{
    private const int Year = 2002;
    private const string Department = "scjgj";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Duty = "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况";

    private string Base => app.Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task The_author_gets_one_email_when_a_part_is_approved_even_when_the_approval_is_posted_again()
    {
        var version = await app.SubmitOkAsync(Year, Department, "duty", FixtureReport.Parts["duty"]);

        using (var first = await app.DecideAsync(Year, Department, "duty", version, "approve", comment: "内容完整，同意。"))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var repeated = await app.DecideAsync(Year, Department, "duty", version, "approve", comment: "内容完整，同意。"))
            Assert.True(repeated.IsSuccessStatusCode, $"repeated approval: {(int)repeated.StatusCode}");

        var key = $"{Year}-{Department}-approved-duty-v{version}";
        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == key, Wait);
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count(key));
        Assert.Equal($"{Department}-author@localhost", mail.To.Mailboxes.Single().Address);
        Assert.StartsWith($"已通过：{Year} 年", mail.Subject);
        Assert.EndsWith($"“{Duty}”第 {version} 版", mail.Subject);
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains($"部分：{Duty}\n", text);
        Assert.Contains("审核人：", text);
        Assert.Contains("（北京时间）\n", text);
        Assert.Contains("审核意见：\n  内容完整，同意。\n", text);
        Assert.Contains($"{Base}/api/draft?year={Year}&department={Department}&section=duty&version={version}\n", text);
        Assert.Contains($"我的待办（全部待您处理的事项）：\n{Base}/api/todo?year={Year}\n", text);
        MailSamples.Save("draft-approved", mail);

        var hook = app.Webhook.Accepted.Single(e => e.GetProperty("key").GetString() == key);
        Assert.Equal(("draft.approved", Department, "duty"),
            (hook.GetProperty("type").GetString(), hook.GetProperty("department").GetString(), hook.GetProperty("section").GetString()));
    }
}
