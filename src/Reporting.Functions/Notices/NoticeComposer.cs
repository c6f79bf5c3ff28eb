using System.Text;
using Reporting.Core;
using Reporting.Core.Directory;
using Reporting.Core.Notices;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Templates;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;
using Reporting.Typesetting;
using Reporting.Typesetting.Signing;

namespace Reporting.Functions.Notices;

/// <summary>
/// The one place notices are worded (报告已生成, 汇编已生成, 退回通知; the calendar's 催报提醒, 催报 and 逾期名单 through
/// <see cref="CalendarNoticeText"/>; 待审核 and 已通过 through <see cref="ReviewNoticeText"/>; an author's 报告已生成 through
/// <see cref="ReportMadeNoticeText"/>): Chinese names for departments and parts, never a
/// code; the version, and on a later version which parts changed and who approved them; times in 北京时间; links to the
/// app's own pages first (they check the reader and mint a fresh short link) with the direct storage link as a fallback;
/// no SHA-256 in the text (the e-mail carries it in X-Report-Sha256, the status JSON as sha256). Attaches the PDF when
/// Mail__AttachPdf is on and it is within Mail__AttachPdfMaxBytes.
/// </summary>
public sealed class NoticeComposer(
    DistrictDirectory directory,
    Routes routes,
    PublicLinks links,
    NoticeOptions options,
    ReportingOptions reporting,
    IPdfStore pdfs,
    IDocumentSigningKey? signing = null) : INoticeComposer
{
    private const string Tag = "【法治政府建设报告】";
    private readonly CalendarNoticeText _calendar = new(directory, routes, links);
    private readonly ReviewNoticeText _reviews = new(directory, routes, links, reporting.ResolveTimeZone());
    private readonly ReportMadeNoticeText _made = new(directory, routes, links, reporting.ResolveTimeZone());

    /// <summary>One case per kind of the closed <see cref="Notice"/> family; a kind added to Core without its case here fails loudly.</summary>
    public async Task<ComposedNotice> ComposeAsync(Notice notice, CancellationToken cancellationToken = default) => notice switch
    {
        Notice.ReportReady report => await WithPdfAsync(notice, report.Pdf, report.Ofd, Downloads(report.Message), ReportSubject(report), ReportLines(report),
            cancellationToken),
        Notice.VolumeReady volume => await WithPdfAsync(notice, volume.Pdf, volume.Ofd, Downloads(volume.Message), VolumeSubject(volume), VolumeLines(volume),
            cancellationToken),
        Notice.DraftRejected rejected => Plain(notice, (RejectionSubject(rejected), RejectionLines(rejected))),
        Notice.DeadlineReminder reminder => Plain(notice, _calendar.Reminder(reminder)),
        Notice.ReportChased chased => Plain(notice, _calendar.Chase(chased)),
        Notice.OverdueList overdue => Plain(notice, _calendar.Overdue(overdue)),
        Notice.ReviewAwaited review => Plain(notice, _reviews.Awaited(review)),
        Notice.DraftApproved approved => Plain(notice, _reviews.Approved(approved)),
        Notice.ReportMade made => Plain(notice, _made.Made(made)),
        _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.GetType().Name, "A notice kind with no wording."),
    };

    /// <summary>The app's download pages of a report's PDF and OFD.</summary>
    private (string Pdf, string Ofd) Downloads(NotificationMessage.ReportReady report) =>
        (routes.ReportPdf(report.Year, report.Department, report.Version), routes.ReportOfd(report.Year, report.Department, report.Version));

    /// <summary>The app's download pages of a volume's PDF and OFD.</summary>
    private (string Pdf, string Ofd) Downloads(NotificationMessage.VolumeReady volume) =>
        (routes.VolumePdf(volume.Year, volume.Version), routes.VolumeOfd(volume.Year, volume.Version));

    private ComposedNotice Plain(Notice notice, (string Subject, List<string> Lines) words) => new(notice, words.Subject, Text(words.Lines));

    private string Department(string code) => directory.Find(code)?.Name ?? "未知部门";

    private string Time(DateTimeOffset at) => Words.Time(at, reporting.ResolveTimeZone());

    private string ReportSubject(Notice.ReportReady notice)
    {
        var changed = notice.PreviousVersion is { } previous ? $"，较第{previous}版修改 {notice.Changes.Count} 个部分" : "";
        var report = notice.Message;
        return $"{Tag}{Department(report.Department)}{report.Year}年度报告第{report.Version}版已生成（共 {notice.Pdf.PageCount} 页{changed}）";
    }

    private List<string> ReportLines(Notice.ReportReady notice)
    {
        var report = notice.Message;
        var lines = new List<string>
        {
            $"{directory.Office.Name}：",
            "",
            $"{DocumentWords.ReportTitle(Department(report.Department), report.Year)}（第{report.Version}版）各部分已审核通过，"
                + $"于 {Time(notice.At)}排版生成，共 {notice.Pdf.PageCount} 页。",
        };
        AddSigner(lines);
        if (notice.PreviousVersion is { } previous)
        {
            lines.AddRange(["", $"与第{previous}版相比，本版修改了以下 {notice.Changes.Count} 个部分："]);
            foreach (var change in notice.Changes)
            {
                var from = change.PreviousVersion is { } before ? $"第 {before} 版改为第 {change.Version} 版" : $"新增，第 {change.Version} 版";
                var approved = change.ApprovedAt is { } at ? $"，{Time(at)}审核通过" : "";
                lines.Add($"  · {Words.Part(change.Section)}（{from}），审核人：{Named(change.ApprovedBy)}{approved}");
            }
        }
        return lines;
    }

    private string VolumeSubject(Notice.VolumeReady notice)
    {
        var volume = notice.Contents;
        return $"{Tag}{directory.District}{notice.Year}年度报告汇编第{notice.Message.Version}版已生成（{volume.Complete.Count} 个部门已完成，{volume.Missing.Count} 个部门未完成）";
    }

    private List<string> VolumeLines(Notice.VolumeReady notice)
    {
        var volume = notice.Contents;
        var lines = new List<string>
        {
            $"{directory.Office.Name}：",
            "",
            $"{directory.District}{notice.Year}年度法治政府建设情况报告汇编（第{notice.Message.Version}版）于 {Time(notice.At)}生成，"
                + $"共 {notice.Pdf.PageCount} 页，收入 {volume.Complete.Count} 个部门的报告，尚有 {volume.Missing.Count} 个部门未完成。",
            "",
            $"已完成（{volume.Complete.Count} 个）：",
        };
        lines.AddRange(directory.Departments.Where(d => volume.Complete.ContainsKey(d.Code)).Select(d => $"  · {d.Name}（第{volume.Complete[d.Code]}版）"));
        if (volume.Complete.Count == 0) lines.Add("  无");
        lines.AddRange(["", $"未完成（{volume.Missing.Count} 个），缺少或尚未审核通过的部分："]);
        lines.AddRange(directory.Departments.Where(d => volume.Missing.ContainsKey(d.Code)).Select(d => $"  · {d.Name}：{Lacking(volume.Missing[d.Code])}"));
        if (volume.Missing.Count == 0) lines.Add("  无");
        AddSigner(lines);
        return lines;
    }

    /// <summary>Who signed the PDF (the signing certificate's subject) and until when the certificate is valid.</summary>
    private void AddSigner(List<string> lines)
    {
        if (signing?.CertificateChain.FirstOrDefault() is not { } certificate) return;
        var notAfter = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            reporting.ResolveTimeZone()).DateTime);
        lines.AddRange(["", $"PDF 已加电子签名。签名证书：{certificate.Subject}，有效期至 {Words.Date(notAfter)}。"]);
    }

    /// <summary>The parts by heading; a department lacking every required part in one phrase (the list would be the whole template).</summary>
    private static string Lacking(string[] parts) =>
        ReportTemplate.RequiredSections.All(s => parts.Contains(s.Key)) ? "尚无审核通过的部分" : string.Join("；", parts.Distinct().Select(Words.Part));

    private string RejectionSubject(Notice.DraftRejected notice)
    {
        var draft = notice.Message;
        var part = Words.ShortPart(notice.Rejection.Section);
        return $"【退回通知】{Department(draft.Department)}{draft.Year}年度报告{part}（第{draft.Version}版）已退回，请修改后重新提交";
    }

    private List<string> RejectionLines(Notice.DraftRejected notice)
    {
        var rejection = notice.Rejection;
        var draft = notice.Message;
        var lines = new List<string>
        {
            $"{Named(rejection.Author)}：",
            "",
            $"您提交的{DocumentWords.ReportTitle(Department(draft.Department), draft.Year)}中的以下部分已被退回：",
            "",
            $"部分：{Words.Part(rejection.Section)}",
            $"版本：第 {draft.Version} 版",
            $"退回人：{Named(rejection.Reviewer)}",
            $"退回时间：{Time(notice.At)}",
            "审核意见：",
        };
        lines.AddRange(string.IsNullOrWhiteSpace(rejection.Comment)
            ? ["  （未填写）"]
            : rejection.Comment.ReplaceLineEndings("\n").Split('\n').Select(line => "  " + line));
        lines.AddRange(["", "请按审核意见修改后重新提交。该部分的草稿、各版本和审核记录：",
            links.Absolute(routes.DraftPage(draft.Year, draft.Department, rejection.Section, draft.Version)).ToString()]);
        return lines;
    }

    /// <summary>
    /// The download lines (the app's page first, then the storage link), for the PDF and, when stored, its OFD twin, both named;
    /// and, when set up, the PDF as attachment.
    /// </summary>
    /// <param name="pages">The app's download pages of the PDF and the OFD.</param>
    private async Task<ComposedNotice> WithPdfAsync(Notice notice, NoticePdf pdf, NoticePdf? ofd, (string Pdf, string Ofd) pages, string subject,
        List<string> lines, CancellationToken cancellationToken)
    {
        var (page, ofdPage) = pages;
        // Both files by name when the OFD twin is stored: the PDF, and the OFD for desktops and archives that take the national format.
        if (ofd is not null)
            lines.AddRange(["", "文件（内容与版式相同，两种格式）：", $"  · PDF：{pdf.FileName}", $"  · OFD：{ofd.FileName}（国家版式文件，可用数科、福昕、永中等阅读器打开）"]);
        lines.AddRange(["", $"下载{(ofd is null ? "" : " PDF")}（登录本系统后打开，核对权限后生成临时下载链接）：", links.Absolute(page).ToString()]);
        if (ofd is not null) lines.AddRange(["下载 OFD（同上）：", links.Absolute(ofdPage).ToString()]);
        lines.AddRange([
            "",
            $"无法登录时可用存储直链（{Time(pdf.LinkExpiresAt)}前有效；持有链接者无需登录即可下载，请勿转发）{(ofd is null ? "" : "，先 PDF 后 OFD")}：",
            pdf.StorageLink.ToString(),
        ]);
        if (ofd is not null) lines.Add(ofd.StorageLink.ToString());
        NoticeAttachment? attachment = null;
        if (options.AttachPdf)
        {
            var length = pdf.Length ?? (await pdfs.FindAsync(pdf.BlobName, cancellationToken))?.Length;
            if (length is { } size && size <= options.AttachPdfMaxBytes)
            {
                attachment = new NoticeAttachment(pdf.FileName, "application/pdf", await pdfs.ReadAsync(pdf.BlobName, cancellationToken));
                lines.AddRange(["", $"附件：{pdf.FileName}（{Size(size)}）。"]);
            }
            else
            {
                lines.AddRange(["", $"PDF 共 {Size(length ?? 0)}，超过邮件附件上限 {Size(options.AttachPdfMaxBytes)}，未随信附上，请通过上面的链接下载。"]);
            }
        }
        return new ComposedNotice(notice, subject, Text(lines), attachment);
    }

    private string Text(List<string> lines)
    {
        lines.AddRange(["", $"此邮件由{options.SenderName}自动发送，请勿直接回复。"]);
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line).Append('\n');
        return text.ToString();
    }

    private static string Named(string name) => string.IsNullOrWhiteSpace(name) ? "（未记录）" : name;

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1048576.0:0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
