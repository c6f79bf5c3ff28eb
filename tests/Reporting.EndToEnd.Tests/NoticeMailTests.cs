using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The e-mails as the SMTP server receives them from the local host: 退回通知 to the author, the district office's
/// report-ready mail (v1 and v2) and the webhook's JSON. One received e-mail of each kind is saved as text under
/// .local/mail-samples/ for a person to read. Years 2002 and 2003 only.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class NoticeMailTests(LocalHostFixture app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Duty = "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况";

    private string Base => app.Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    private JsonElement WebhookCall(string key) => app.Webhook.Accepted.Single(e => e.GetProperty("key").GetString() == key);

    [Fact]
    public async Task The_rejection_email_reaches_the_author_once_with_the_comment_even_when_the_decision_is_repeated()
    {
        const string comment = "第二段的数据与统计年鉴不符，\n请核实后修改。";
        var version = await app.SubmitOkAsync(2002, "kgj", "duty", FixtureReport.Parts["duty"]);

        using (var first = await app.DecideAsync(2002, "kgj", "duty", version, "reject", comment: comment))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var repeated = await app.DecideAsync(2002, "kgj", "duty", version, "reject", comment: comment))
            Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);

        var key = $"2002-kgj-duty-v{version}-rejected";
        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == key, Wait);
        await app.WaitForQueuesToDrainAsync();
        Assert.Equal(1, app.Smtp.Count(key));
        Assert.Equal("kgj-author@localhost", mail.To.Mailboxes.Single().Address);
        Assert.Equal($"【退回通知】魏都区科学技术和工业信息化局2002年度报告第一部分（第{version}版）已退回，请修改后重新提交", mail.Subject);
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains($"部分：{Duty}\n", text);
        Assert.Contains("退回人：科工局审核人\n", text);
        Assert.Contains("审核意见：\n  第二段的数据与统计年鉴不符，\n  请核实后修改。\n", text);
        Assert.Contains("（北京时间）", text);
        Assert.Contains($"{Base}/api/draft?year=2002&department=kgj&section=duty&version={version}\n", text);
        MailSamples.Save("draft-rejected", mail);

        var hook = WebhookCall(key);
        Assert.Equal(("draft.rejected", "kgj", "魏都区科学技术和工业信息化局", "duty", comment),
            (hook.GetProperty("type").GetString(), hook.GetProperty("department").GetString(), hook.GetProperty("departmentName").GetString(),
                hook.GetProperty("section").GetString(), hook.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task The_report_mail_is_from_the_named_sender_names_department_and_version_v2_lists_the_changed_part_and_year_end_names_who_is_missing()
    {
        await app.SubmitFixtureAsync(2003, "kgj");
        var report = await app.WaitForReportAsync(2003, "kgj", r => LocalHostFixture.VersionNotified(r, 1));
        var pdf = report.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1);
        var (pages, sha) = (pdf.GetProperty("pageCount").GetInt32(), pdf.GetProperty("sha256").GetString()!);

        var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == "2003-kgj-v1", Wait);
        var from = mail.From.Mailboxes.Single();
        Assert.Equal(("魏都区法治政府建设报告系统", "reports@weidu.example.gov.cn"), (from.Name, from.Address));
        Assert.Equal($"【法治政府建设报告】魏都区科学技术和工业信息化局2003年度报告第1版已生成（共 {pages} 页）", mail.Subject);
        Assert.Equal(ContentEncoding.Base64, Assert.IsType<TextPart>(mail.Body).ContentTransferEncoding);
        Assert.Equal(sha, mail.Headers["X-Report-Sha256"]);
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith($"魏都区法治政府建设领导小组办公室：\n\n魏都区科学技术和工业信息化局2003年法治政府建设情况的报告（第1版）各部分已审核通过，于 ", text);
        Assert.Contains("（北京时间）排版生成", text);
        Assert.DoesNotContain(sha, text);
        Assert.DoesNotContain("kgj", string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("http", StringComparison.Ordinal))));

        // The product's download pages first (they check the reader, then redirect to a fresh short link), PDF then OFD; the
        // storage links second, in the same order. Both files are named.
        var links = text.Split('\n').Where(l => l.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, links.Count);
        Assert.Equal([$"{Base}/api/reports/2003/kgj/pdf?version=1", $"{Base}/api/reports/2003/kgj/ofd?version=1"], links[..2]);
        Assert.Contains("  · PDF：魏都区科学技术和工业信息化局2003年法治政府建设情况的报告（第1版）.pdf\n", text);
        Assert.Contains("  · OFD：魏都区科学技术和工业信息化局2003年法治政府建设情况的报告（第1版）.ofd（", text);
        using (var page = await app.ClientAs(LocalHostFixture.Office).GetAsync(new Uri(links[0]).PathAndQuery))
            Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        using (var stranger = await app.Anonymous.GetAsync(new Uri(links[0]).PathAndQuery))
            Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await http.GetByteArrayAsync(links[2]))));
        using (var ofd = new System.IO.Compression.ZipArchive(new MemoryStream(await http.GetByteArrayAsync(links[3]))))
            Assert.NotNull(ofd.GetEntry("OFD.xml"));
        using (var ofdPage = await app.ClientAs(LocalHostFixture.Office).GetAsync(new Uri(links[1]).PathAndQuery))
            Assert.Equal(HttpStatusCode.Found, ofdPage.StatusCode);
        MailSamples.Save("report-ready-v1", mail);

        var hook = WebhookCall("2003-kgj-v1");
        Assert.Equal(("report.ready", "kgj", "魏都区科学技术和工业信息化局", 1, sha),
            (hook.GetProperty("type").GetString(), hook.GetProperty("department").GetString(), hook.GetProperty("departmentName").GetString(),
                hook.GetProperty("version").GetInt32(), hook.GetProperty("sha256").GetString()));

        // A second PDF: one part rewritten and approved by the second approver.
        var duty = await app.SubmitOkAsync(2003, "kgj", "duty", FixtureReport.Parts["duty"] + "\n本年度还开展了法治政府建设专题培训两次。");
        await app.ApproveOkAsync(2003, "kgj", "duty", duty, asUser: "kgj-approver2");
        await app.WaitForReportAsync(2003, "kgj", r => LocalHostFixture.VersionNotified(r, 2));

        var second = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == "2003-kgj-v2", Wait);
        Assert.StartsWith("【法治政府建设报告】魏都区科学技术和工业信息化局2003年度报告第2版已生成（共 ", second.Subject);
        Assert.EndsWith("页，较第1版修改 1 个部分）", second.Subject);
        var changed = second.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains($"与第1版相比，本版修改了以下 1 个部分：\n  · {Duty}（第 1 版改为第 {duty} 版），审核人：科工局审核人二，", changed);
        Assert.Contains($"{Base}/api/reports/2003/kgj/pdf?version=2\n", changed);
        MailSamples.Save("report-ready-v2", second);
        var hook2 = WebhookCall("2003-kgj-v2");
        Assert.Equal(("report.ready", "kgj", "duty"), (hook2.GetProperty("type").GetString(), hook2.GetProperty("department").GetString(),
            hook2.GetProperty("changedParts")[0].GetProperty("section").GetString()));
        Assert.Equal((1, 1), (app.Smtp.Count("2003-kgj-v1"), app.Smtp.Count("2003-kgj-v2")));

        // The year end, through the same composer: who is complete, who is missing which parts, in Chinese.
        Assert.Equal("done", (await app.RunYearEndAsync(2003)).GetProperty("state").GetString());
        var volume = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == "2003-volume-v1", Wait);
        var listed = volume.TextBody!.ReplaceLineEndings("\n");
        Assert.StartsWith("【法治政府建设报告】魏都区2003年度报告汇编第1版已生成（1 个部门已完成，", volume.Subject);
        Assert.Contains("  · 魏都区科学技术和工业信息化局（第2版）\n", listed);
        Assert.Contains("  · 魏都区司法局：尚无审核通过的部分\n", listed);
        Assert.Contains($"{Base}/api/reports/2003/volume/pdf?version=1\n", listed);
        Assert.Contains($"{Base}/api/reports/2003/volume/ofd?version=1\n", listed);
        Assert.Contains("  · OFD：魏都区2003年度法治政府建设情况报告汇编（第1版）.ofd（", listed);
        Assert.DoesNotContain("preamble", listed);
        MailSamples.Save("volume-ready", volume);
        var volumeCall = WebhookCall("2003-volume-v1");
        Assert.Equal(("volume.ready", "魏都区"), (volumeCall.GetProperty("type").GetString(), volumeCall.GetProperty("departmentName").GetString()));
    }
}
