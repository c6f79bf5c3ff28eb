using Reporting.Core.Abstractions;
using Reporting.Core.Directory;
using Reporting.Core.Reports;

namespace Reporting.Core.Workflow;

/// <summary>
/// Tells the district office a PDF is ready, once per (report, version) however often the message comes:
/// the outbox claim is taken before sending and marked after, and the report row is stamped last.
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
    public static string OutboxKey(ReportKey key, int version) => $"{key.Year}-{key.Department}-v{version}";

    /// <returns>True when this call sent the notification; false when it had been sent before.</returns>
    public virtual async Task<bool> NotifyAsync(NotificationMessage message, CancellationToken cancellationToken = default)
    {
        var key = new ReportKey(message.Year, message.Department);
        var department = directory.Find(key.Department) ?? throw new InvalidOperationException($"Unknown department {key.Department}.");
        var report = await reports.GetAsync(key, cancellationToken);
        var version = report.FindVersion(message.Version);
        if (version is not { IsAssembled: true })
            throw new InvalidOperationException($"Report {key} v{message.Version} is not assembled yet.");

        var lifetime = options.NotificationLinkLifetimeCapped;
        var (sentAt, sentNow, channels) = await delivery.DeliverAsync(OutboxKey(key, version.Version), async () =>
        {
            var link = await pdfs.GetReadLinkAsync(version.BlobName!, lifetime, cancellationToken);
            return Compose(OutboxKey(key, version.Version), department, key, version, link, clock.GetUtcNow() + lifetime);
        }, cancellationToken);
        await StampAsync(key, version.Version, sentAt, cancellationToken);
        if (sentNow)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.notified", Caller.System, sentAt,
                $"v{version.Version} via {channels} to {directory.Office.Email}"), cancellationToken);
        return sentNow;
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
