using Reporting.Core.Abstractions;
using Reporting.Core.Directory;
using Reporting.Core.Reports;

namespace Reporting.Core.Workflow;

/// <summary>
/// Tells the district office a PDF is ready, once per (report, version) and channel however often the message comes
/// (see <see cref="OnceOnlyDelivery"/>); the report row is stamped once every channel has gone out.
/// </summary>
public class DistrictOfficeNotifier(
    DistrictDirectory directory,
    IReportRepository reports,
    IPdfStore pdfs,
    OnceOnlyDelivery delivery,
    IAuditLog audit,
    ReportingOptions options,
    TimeProvider clock)
{
    public static string OutboxKey(ReportKey key, int version) => new NotificationMessage(key.Year, key.Department, version).OutboxKey;

    /// <returns>Each channel's outbox entry and which of them this call sent.</returns>
    public virtual async Task<DeliveryResult> NotifyAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var department = directory.Find(key.Department) ?? throw new InvalidOperationException($"Unknown department {key.Department}.");
        var report = await reports.GetAsync(key, cancellationToken);
        var version = report.FindVersion(message.Version);
        if (version is not { IsAssembled: true })
            throw new InvalidOperationException($"Report {key} v{message.Version} is not assembled yet.");

        var lifetime = options.NotificationLinkLifetimeCapped;
        var notice = new NotificationMessage(key.Year, key.Department, version.Version);
        var result = await delivery.DeliverAsync(notice, async () =>
        {
            // Composed at each attempt: a notice delivered after a long outage still carries a link valid for the full lifetime.
            var link = await pdfs.GetReadLinkAsync(version.BlobName!, lifetime, cancellationToken);
            return Compose(notice.OutboxKey, department, key, version, link, clock.GetUtcNow() + lifetime);
        }, cancellationToken);
        if (result.SentAt is { } sentAt) await StampAsync(key, version.Version, sentAt, cancellationToken);
        if (result.SentNow.Count > 0)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.notified", Caller.System, clock.GetUtcNow(),
                $"v{version.Version} via {string.Join(',', result.SentNow)} to {directory.Office.Email}"), cancellationToken);
        return result;
    }

    private ReadyNotice Compose(string outboxKey, Department department, ReportKey key, AssembledVersion version, Uri link, DateTimeOffset expires)
    {
        var subject = $"【法治政府建设报告】{department.Name}{key.Year}年度报告已生成（第{version.Version}版）";
        var text = string.Join("\n",
            $"{directory.Office.Name}：",
            "",
            $"{department.Name}{key.Year}年法治政府建设情况的报告已全部审核通过并排版生成。",
            "",
            $"部门：{department.Name}（{department.Code}）",
            $"年度：{key.Year}",
            $"版本：第 {version.Version} 版",
            $"页数：{version.PageCount} 页",
            $"SHA-256：{version.Sha256}",
            $"下载链接（只读，{expires.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 前有效）：",
            link.ToString(),
            "",
            "此邮件由法治政府建设报告系统自动发送。");
        return new ReadyNotice(outboxKey, directory.Office.Email, subject, text, key.Year, department.Code, department.Name,
            version.Version, version.PageCount ?? 0, version.Sha256 ?? "", link, expires);
    }

    private Task StampAsync(ReportKey key, int version, DateTimeOffset at, CancellationToken cancellationToken) =>
        Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await reports.GetAsync(key, cancellationToken);
            if (current.FindVersion(version)?.NotifiedAt is not null) return true;
            current.MarkNotified(version, at);
            await reports.SaveAsync(current, cancellationToken);
            return true;
        }, cancellationToken);
}
