using System.Text.RegularExpressions;
using Reporting.Core;
using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Core.ReportAssembly;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The words of every notice, from facts alone: what the district office and an author read.</summary>
public sealed class NoticeComposerTests
{
    internal static readonly DistrictDirectory Directory = DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));
    internal const string Base = "https://fzb.weidu.example.gov.cn";
    private static readonly string Sha = new('a', 64);

    /// <summary>02:05 UTC is 10:05 in Beijing.</summary>
    private static readonly DateTimeOffset At = new(2024, 1, 5, 2, 5, 0, TimeSpan.Zero);

    private readonly PdfBytes _pdfs = new();
    private readonly NoticeOptions _options = new();

    private NoticeComposer Composer => new(Directory, new Routes("api"), new PublicLinks(Base), _options, new ReportingOptions(), _pdfs);

    private static Notice.ReportReady Report(int version, long length = 300_000, params ChangedPart[] changes) =>
        new(new NotificationMessage.ReportReady(2023, "kgj", version), "fzb@weidu.example.gov.cn", At,
            new NoticePdf($"reports/2023/kgj/2023-kgj-v{version}.pdf", $"魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第{version}版）.pdf", 12, Sha, length,
                new Uri($"https://st.blob.core.windows.net/reports/2023/kgj/2023-kgj-v{version}.pdf?sig=x"), At + TimeSpan.FromDays(7)), Ofd: null)
        {
            PreviousVersion = version > 1 ? version - 1 : null,
            Changes = changes,
        };

    /// <summary>The lines a person reads, links set aside (a URL carries codes such as kgj by design).</summary>
    private static IEnumerable<string> Prose(string text) => text.Split('\n').Where(line => !line.StartsWith("http", StringComparison.Ordinal));

    [Fact]
    public async Task A_report_notice_names_the_department_in_chinese_and_the_version_in_subject_and_body()
    {
        var mail = await Composer.ComposeAsync(Report(1));

        Assert.Equal("【法治政府建设报告】魏都区科学技术和工业信息化局2023年度报告第1版已生成（共 12 页）", mail.Subject);
        Assert.StartsWith("魏都区法治政府建设领导小组办公室：\n\n魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）各部分已审核通过，于 2024-01-05 10:05（北京时间）排版生成，共 12 页。\n", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}"));
        Assert.EndsWith("此邮件由魏都区法治政府建设报告系统自动发送，请勿直接回复。\n", mail.Text);
    }

    [Fact]
    public async Task Times_carry_their_zone_and_the_sha256_stays_out_of_the_text()
    {
        var mail = await Composer.ComposeAsync(Report(1));

        Assert.Contains("2024-01-12 10:05（北京时间）前有效", mail.Text);
        Assert.DoesNotContain(Sha, mail.Text);
        Assert.DoesNotContain("SHA", mail.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Sha, Assert.IsType<Notice.ReportReady>(mail.Fact).Pdf.Sha256);
    }

    [Fact]
    public async Task The_first_link_is_the_apps_own_download_page_and_the_storage_link_is_the_fallback()
    {
        var mail = await Composer.ComposeAsync(Report(2, changes: new ChangedPart("duty", 1, 2, "科工局审核人", At)));

        var links = mail.Text.Split('\n').Where(line => line.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{Base}/api/reports/2023/kgj/pdf?version=2", "https://st.blob.core.windows.net/reports/2023/kgj/2023-kgj-v2.pdf?sig=x"], links);
        Assert.Contains("登录本系统后打开", mail.Text);
        Assert.Contains("持有链接者无需登录即可下载，请勿转发", mail.Text);
    }

    /// <summary>The report notice as it is made now: its PDF and the OFD twin stored beside it.</summary>
    private static Notice.ReportReady ReportWithOfd(int version) => Report(version) with
    {
        Ofd = Report(version).Pdf with
        {
            BlobName = $"reports/2023/kgj/2023-kgj-v{version}.ofd",
            FileName = $"魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第{version}版）.ofd",
            StorageLink = new Uri($"https://st.blob.core.windows.net/reports/2023/kgj/2023-kgj-v{version}.ofd?sig=y"),
        },
    };

    [Fact]
    public async Task A_notice_with_an_ofd_names_both_files_and_links_the_pdf_then_the_ofd_first_through_the_app_then_in_storage()
    {
        var mail = await Composer.ComposeAsync(ReportWithOfd(2));

        Assert.Contains("  · PDF：魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第2版）.pdf\n", mail.Text);
        Assert.Contains("  · OFD：魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第2版）.ofd（", mail.Text);
        var links = mail.Text.Split('\n').Where(line => line.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{Base}/api/reports/2023/kgj/pdf?version=2", $"{Base}/api/reports/2023/kgj/ofd?version=2",
            "https://st.blob.core.windows.net/reports/2023/kgj/2023-kgj-v2.pdf?sig=x",
            "https://st.blob.core.windows.net/reports/2023/kgj/2023-kgj-v2.ofd?sig=y"], links);
        Assert.Contains("下载 OFD（同上）：\n", mail.Text);
        // The format names and file extensions aside, the prose names no code.
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(Regex.Replace(line, "(?i)pdf|ofd", ""), "[A-Za-z]{3}"));
    }

    [Fact]
    public async Task A_volume_notice_with_an_ofd_links_the_volumes_ofd_route()
    {
        var volume = new Notice.VolumeReady(new NotificationMessage.VolumeReady(2023, 1), "fzb@weidu.example.gov.cn", At,
            Report(1).Pdf with { BlobName = "reports/2023/volume/2023-volume-v1.pdf", FileName = "魏都区2023年度法治政府建设情况报告汇编（第1版）.pdf" },
            Report(1).Pdf with { BlobName = "reports/2023/volume/2023-volume-v1.ofd", FileName = "魏都区2023年度法治政府建设情况报告汇编（第1版）.ofd" },
            new VolumeContents(new Dictionary<string, int> { ["kgj"] = 1 }, new Dictionary<string, string[]>()));

        var mail = await Composer.ComposeAsync(volume);

        Assert.Contains($"下载 OFD（同上）：\n{Base}/api/reports/2023/volume/ofd?version=1\n", mail.Text);
        Assert.Contains("  · OFD：魏都区2023年度法治政府建设情况报告汇编（第1版）.ofd（", mail.Text);
    }

    [Fact]
    public async Task A_second_version_lists_each_changed_part_by_its_heading_with_who_approved_it_and_when()
    {
        var mail = await Composer.ComposeAsync(Report(3,
            changes: [new ChangedPart("duty", 1, 2, "科工局审核人", At), new ChangedPart("other", null, 1, "科工局审核人二", At + TimeSpan.FromHours(1))]));

        Assert.EndsWith("已生成（共 12 页，较第2版修改 2 个部分）", mail.Subject);
        Assert.Contains("与第2版相比，本版修改了以下 2 个部分：\n"
            + "  · 一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况（第 1 版改为第 2 版），审核人：科工局审核人，2024-01-05 10:05（北京时间）审核通过\n"
            + "  · 五、其他需要报告的情况（新增，第 1 版），审核人：科工局审核人二，2024-01-05 11:05（北京时间）审核通过\n", mail.Text);
    }

    [Fact]
    public async Task A_first_version_says_nothing_of_changes()
    {
        var mail = await Composer.ComposeAsync(Report(1));

        Assert.DoesNotContain("相比", mail.Text);
        Assert.DoesNotContain("修改", mail.Subject);
    }

    [Fact]
    public async Task The_pdf_is_attached_only_when_the_setting_is_on()
    {
        _pdfs.Content = new byte[300_000];

        var off = await Composer.ComposeAsync(Report(1));
        _options.AttachPdf = true;
        var on = await Composer.ComposeAsync(Report(1));

        Assert.Null(off.Attachment);
        Assert.DoesNotContain("附件", off.Text);
        Assert.Equal(("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.pdf", "application/pdf", 300_000),
            (on.Attachment!.FileName, on.Attachment.ContentType, on.Attachment.Content.Length));
        Assert.Contains("附件：魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.pdf（292 KB）。", on.Text);
    }

    [Fact]
    public async Task A_pdf_over_the_cap_is_not_attached_and_the_mail_says_it_is_too_large()
    {
        _options.AttachPdf = true;

        var mail = await Composer.ComposeAsync(Report(1, length: 12 * 1024 * 1024 + 1));

        Assert.Null(mail.Attachment);
        Assert.Equal(0, _pdfs.Reads);
        Assert.Contains("PDF 共 12 MB，超过邮件附件上限 10 MB，未随信附上，请通过上面的链接下载。", mail.Text);
    }

    [Fact]
    public async Task A_rejection_tells_the_author_the_part_the_reviewer_the_comment_and_links_the_draft_page()
    {
        var notice = new Notice.DraftRejected(new NotificationMessage.DraftRejected(2023, "kgj", "measures", 3), "kgj-author@localhost", At,
            new DraftRejection("measures", "科工局起草人", "科工局审核人", "第二段的数据与统计年鉴不符，\n请核实后修改。"));

        var mail = await Composer.ComposeAsync(notice);

        Assert.Equal("【退回通知】魏都区科学技术和工业信息化局2023年度报告第二部分（第3版）已退回，请修改后重新提交", mail.Subject);
        Assert.Equal(string.Join('\n',
            "科工局起草人：",
            "",
            "您提交的魏都区科学技术和工业信息化局2023年法治政府建设情况的报告中的以下部分已被退回：",
            "",
            "部分：二、推进法治政府建设的主要举措和成效",
            "版本：第 3 版",
            "退回人：科工局审核人",
            "退回时间：2024-01-05 10:05（北京时间）",
            "审核意见：",
            "  第二段的数据与统计年鉴不符，",
            "  请核实后修改。",
            "",
            "请按审核意见修改后重新提交。该部分的草稿、各版本和审核记录：",
            $"{Base}/api/draft?year=2023&department=kgj&section=measures&version=3",
            "",
            "此邮件由魏都区法治政府建设报告系统自动发送，请勿直接回复。",
            ""), mail.Text);
        Assert.Null(mail.Attachment);
    }

    [Fact]
    public async Task An_approval_tells_the_author_the_part_the_reviewer_the_time_the_comment_and_links_the_draft_and_todo()
    {
        var notice = new Notice.DraftApproved(new NotificationMessage.DraftApproved(2023, "kgj", "duty", 2), "kgj-author@localhost", At,
            new DraftApproval("duty", "科工局起草人", "科工局审核人", "内容完整。\n同意。"));

        var mail = await Composer.ComposeAsync(notice);

        Assert.Equal("已通过：2023 年魏都区科工局“一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况”第 2 版", mail.Subject);
        Assert.Equal(string.Join('\n',
            "科工局起草人：",
            "",
            "您提交的魏都区科学技术和工业信息化局2023年法治政府建设情况的报告中的以下部分已审核通过：",
            "",
            "部分：一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
            "版本：第 2 版",
            "审核人：科工局审核人",
            "通过时间：2024-01-05 10:05（北京时间）",
            "审核意见：",
            "  内容完整。",
            "  同意。",
            "",
            "该部分的草稿、各版本和审核记录：",
            $"{Base}/api/draft?year=2023&department=kgj&section=duty&version=2",
            "",
            "我的待办（全部待您处理的事项）：",
            $"{Base}/api/todo?year=2023",
            "",
            "此邮件由魏都区法治政府建设报告系统自动发送，请勿直接回复。",
            ""), mail.Text);
        Assert.Null(mail.Attachment);
    }

    [Fact]
    public async Task An_approval_without_a_comment_has_no_comment_lines()
    {
        var notice = new Notice.DraftApproved(new NotificationMessage.DraftApproved(2023, "kgj", "duty", 1), "kgj-author@localhost", At,
            new DraftApproval("duty", "科工局起草人", "科工局审核人", null));

        var mail = await Composer.ComposeAsync(notice);

        Assert.DoesNotContain("审核意见", mail.Text);
        Assert.Contains("通过时间：2024-01-05 10:05（北京时间）\n\n该部分的草稿", mail.Text);
    }

    [Fact]
    public async Task The_year_end_notice_names_who_is_missing_what_in_chinese_part_names()
    {
        var notice = new Notice.VolumeReady(new NotificationMessage.VolumeReady(2023, 1), "fzb@weidu.example.gov.cn", At,
            new NoticePdf("reports/2023/volume/2023-volume-v1.pdf", "汇编.pdf", 40, Sha, 1000, new Uri("https://st.blob.core.windows.net/v.pdf?sig=y"),
                At + TimeSpan.FromDays(7)),
            Ofd: null,
            new VolumeContents(new Dictionary<string, int> { ["kgj"] = 2 },
                new Dictionary<string, string[]>
                {
                    ["sfj"] = ["preamble", "duty"], ["bgs"] = ["plans"], ["czj"] = ["preamble", "duty", "measures", "shortcomings", "plans"],
                }));

        var mail = await Composer.ComposeAsync(notice);

        Assert.Equal("【法治政府建设报告】魏都区2023年度报告汇编第1版已生成（1 个部门已完成，3 个部门未完成）", mail.Subject);
        Assert.Contains("  · 魏都区财政局：尚无审核通过的部分\n", mail.Text);
        Assert.Contains("已完成（1 个）：\n  · 魏都区科学技术和工业信息化局（第2版）\n", mail.Text);
        Assert.Contains("  · 魏都区人民政府办公室：四、下一年度推进法治政府建设的主要安排\n", mail.Text);
        Assert.Contains("  · 魏都区司法局：开头部分（“一、”之前）；一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n", mail.Text);
        Assert.Contains($"{Base}/api/reports/2023/volume/pdf?version=1\n", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}"));
    }

    [Fact]
    public void Without_a_public_base_url_links_lead_to_the_local_host()
    {
        var links = new PublicLinks(null);
        Assert.Equal("http://127.0.0.1:7071/api/todo", links.Absolute("/api/todo").ToString());

        links.UseLocalAddress(new Uri("http://127.0.0.1:45123/"));
        Assert.Equal("http://127.0.0.1:45123/api/todo", links.Absolute("/api/todo").ToString());
        Assert.Equal($"{Base}/api/todo", new PublicLinks(Base + "/").Absolute("/api/todo").ToString());
    }

    /// <summary>Stored PDF bytes for the attachment; counts reads so a test can show an oversized PDF is never downloaded.</summary>
    private static Notice.ReviewAwaited Review(params PendingDraft[] drafts) =>
        new(new NotificationMessage.ReviewAwaited(2023, "kgj", "kgj-approver", "202401050205"), "kgj-approver@members.test", At, drafts);

    [Fact]
    public async Task A_review_notice_names_the_part_version_and_submitter_and_links_the_review_page_and_the_todo_list()
    {
        var mail = await Composer.ComposeAsync(Review(new PendingDraft("duty", 2, "科工局起草人", At)));

        Assert.Equal("待您审核：2023 年魏都区科工局“一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况”第 2 版（科工局起草人提交）",
            mail.Subject);
        Assert.Equal(
            "您好：\n\n魏都区科学技术和工业信息化局2023年度法治政府建设情况报告有以下 1 份草稿等待您审核：\n\n"
            + "  · “一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况”第 2 版，科工局起草人于 2024-01-05 10:05（北京时间）提交\n"
            + $"    审核：{Base}/api/review?year=2023&department=kgj&section=duty&version=2\n\n"
            + $"我的待办（全部待您处理的事项）：\n{Base}/api/todo?year=2023\n\n此邮件由魏都区法治政府建设报告系统自动发送，请勿直接回复。\n",
            mail.Text);
    }

    [Fact]
    public async Task A_review_digest_counts_its_drafts_in_the_subject_and_lists_each_with_its_own_review_link()
    {
        var mail = await Composer.ComposeAsync(Review(new PendingDraft("duty", 2, "科工局起草人", At), new PendingDraft("plans", 1, "张三", At)));

        Assert.Equal("待您审核：2023 年魏都区科工局 2 份草稿（科工局起草人、张三提交）", mail.Subject);
        Assert.Contains($"审核：{Base}/api/review?year=2023&department=kgj&section=duty&version=2\n", mail.Text);
        Assert.Contains($"审核：{Base}/api/review?year=2023&department=kgj&section=plans&version=1\n", mail.Text);
        Assert.Contains("有以下 2 份草稿等待您审核", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}") && !line.Contains("审核：http", StringComparison.Ordinal));
    }

    private sealed class PdfBytes : IPdfStore
    {
        public byte[] Content { get; set; } = [];
        public int Reads { get; private set; }

        public Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult(Content);
        }

        public Task<StoredPdf?> FindAsync(string name, CancellationToken cancellationToken = default) =>
            Task.FromResult<StoredPdf?>(new StoredPdf(name, Sha, 12, Content.Length, false));

        public Task<StoredPdf> CreateAsync(string name, RenderedPdf pdf, string downloadFileName, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
        public Task<StoredPdf> CreateAsync(string name, Stream content, string sha256, int pageCount, string downloadFileName,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
