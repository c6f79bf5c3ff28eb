using Reporting.Core.Abstractions;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Workflow;

namespace Reporting.Core.Publication;

/// <summary>
/// Makes reports public after the confidentiality review (保密审查), and withdraws them. The record is written first
/// (under its ETag), then the public copy, then the indexes from the records: a crash between the steps leaves a
/// record whose copy a repeated publish (or the year's publish) writes again, never a public file without a record.
/// </summary>
public class ReportPublisher(
    DistrictDirectory directory,
    AccessControl access,
    IReportRepository reports,
    IPublicationRepository publications,
    IPdfStore pdfs,
    IPublicSite site,
    IPublicPages pages,
    ReportAssembler assembler,
    IAuditLog audit,
    ReportingOptions options,
    TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    /// <summary>How often an index is rewritten when the records changed while it was written (another publish ran beside this one).</summary>
    private const int IndexRounds = 3;

    /// <summary>Publishes the newest assembled PDF version of one report; a repeat of the same version rewrites the public copy only.</summary>
    public virtual async Task<PublishOutcome> PublishAsync(Caller caller, string? year, string? department, bool confidentialityReviewed, string? comment,
        CancellationToken cancellationToken = default)
    {
        var key = ReportKey.Parse(year, department, directory);
        await access.DemandAsync(caller, ReportAction.Publish, key.Department, cancellationToken);
        var text = Confirmation(confidentialityReviewed, comment);
        var outcome = await PublishOneAsync(caller, key, text, cancellationToken)
            ?? throw ReportingException.Conflict($"{key.Year} 年{Name(key)}的报告尚未生成 PDF，不能发布；各部分全部审核通过并生成 PDF 后才能发布。");
        await WriteIndexesAsync(key.Year, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Publishes every report of the year that has an assembled PDF, under one confirmation; a withdrawn report stays
    /// withdrawn (it is published again one by one) and its public files are removed again if any came back.
    /// </summary>
    public virtual async Task<IReadOnlyList<PublishOutcome>> PublishYearAsync(Caller caller, string? year, bool confidentialityReviewed, string? comment,
        CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var number = ReportKey.ParseYear(year, errors);
        errors.ThrowIfAny();
        await access.DemandAsync(caller, ReportAction.Publish, null, cancellationToken);
        var text = Confirmation(confidentialityReviewed, comment);
        var records = (await publications.ListYearAsync(number!.Value, cancellationToken)).ToDictionary(p => p.Key.Department);
        var assembled = (await reports.ListYearAsync(number.Value, cancellationToken)).Where(r => r.NewestAssembled is not null).Select(r => r.Key.Department).ToHashSet();
        var outcomes = new List<PublishOutcome>();
        foreach (var department in directory.Departments)
        {
            var key = new ReportKey(number.Value, department.Code);
            if (records.GetValueOrDefault(department.Code)?.IsWithdrawn == true) await DeleteCopyAsync(key, cancellationToken);
            else if (assembled.Contains(department.Code) && await PublishOneAsync(caller, key, text, cancellationToken) is { } outcome) outcomes.Add(outcome);
        }
        if (outcomes.Count == 0 && records.Values.All(r => !r.IsPublished))
            throw ReportingException.Conflict($"{number} 年度还没有已生成 PDF 且未撤回的报告，没有可以发布的内容。");
        await WriteIndexesAsync(number.Value, cancellationToken);
        return outcomes;
    }

    /// <summary>Removes the public copy and records why; the record and its history stay. A repeat removes the files again.</summary>
    public virtual async Task<PublishOutcome> WithdrawAsync(Caller caller, string? year, string? department, string? reason, CancellationToken cancellationToken = default)
    {
        var key = ReportKey.Parse(year, department, directory);
        await access.DemandAsync(caller, ReportAction.Publish, key.Department, cancellationToken);
        var text = Required("reason", reason, "请填写撤回原因。");
        var now = clock.GetUtcNow();
        var outcome = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await publications.GetAsync(key, cancellationToken);
            if (current.Events.Count == 0) throw ReportingException.Conflict($"{key.Year} 年{Name(key)}的报告尚未发布，无需撤回。");
            var changed = current.Withdraw(caller, now, text);
            if (changed) await publications.SaveAsync(current, cancellationToken);
            return new PublishOutcome(current, changed);
        }, cancellationToken);
        if (outcome.Changed)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.withdrawn", caller, now, $"撤回原因：{text}"), cancellationToken);
        await DeleteCopyAsync(key, cancellationToken);
        await WriteIndexesAsync(key.Year, cancellationToken);
        return outcome;
    }

    /// <returns>null when the report has no assembled PDF.</returns>
    private async Task<PublishOutcome?> PublishOneAsync(Caller caller, ReportKey key, string comment, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(key, cancellationToken);
        if (report.NewestAssembled is not { } version) return null;
        var now = clock.GetUtcNow();
        var outcome = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await publications.GetAsync(key, cancellationToken);
            var changed = current.Publish(version.Version, caller, now, comment);
            if (changed) await publications.SaveAsync(current, cancellationToken);
            return new PublishOutcome(current, changed);
        }, cancellationToken);
        if (outcome.Changed)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.published", caller, now,
                $"发布第 {version.Version} 版；已保密审查；审查意见：{comment}"), cancellationToken);
        await WriteCopyAsync(report, outcome.Publication.Current!, cancellationToken);
        return outcome;
    }

    /// <summary>The PDF as stored privately, and the page made from the same approved texts the PDF was typeset from.</summary>
    private async Task WriteCopyAsync(Report report, PublicationEvent published, CancellationToken cancellationToken)
    {
        var key = report.Key;
        var version = report.FindVersion(published.Version!.Value) ?? throw new InvalidOperationException($"Report {key} has no version {published.Version}.");
        var department = directory.Find(key.Department)!;
        var document = await assembler.BuildDocumentAsync(key, department, version, cancellationToken);
        var pdf = await pdfs.ReadAsync(version.BlobName!, cancellationToken);
        await site.PutAsync(PublicPaths.Pdf(key), pdf, "application/pdf", cancellationToken);
        var html = pages.Report(new PublicReport(key.Year, key.Department, department.Name, version.Version, published.At)
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), // of the very bytes that go public
        }, document);
        await site.PutAsync(PublicPaths.Html(key), System.Text.Encoding.UTF8.GetBytes(html), HtmlType, cancellationToken);
    }

    private async Task DeleteCopyAsync(ReportKey key, CancellationToken cancellationToken)
    {
        await site.DeleteAsync(PublicPaths.Html(key), cancellationToken);
        await site.DeleteAsync(PublicPaths.Pdf(key), cancellationToken);
    }

    /// <summary>The year's index and the root, from the records (not from what this call did), so any run puts them right.</summary>
    private async Task WriteIndexesAsync(int year, CancellationToken cancellationToken)
    {
        string? written = null;
        for (var round = 0; round < IndexRounds; round++)
        {
            var listed = await PublicReportsAsync(year, cancellationToken);
            var fingerprint = string.Join(";", listed.Select(r => $"{r.Department}-{r.Version}-{r.PublishedAt.UtcTicks}"));
            if (fingerprint == written) break;
            await site.PutAsync(PublicPaths.YearIndex(year), System.Text.Encoding.UTF8.GetBytes(pages.YearIndex(year, listed)), HtmlType, cancellationToken);
            written = fingerprint;
        }
        var years = await publications.ListPublishedYearsAsync(cancellationToken);
        await site.PutAsync(PublicPaths.Root, System.Text.Encoding.UTF8.GetBytes(pages.Root(years)), HtmlType, cancellationToken);
        await site.PutAsync(PublicPaths.NotFound, System.Text.Encoding.UTF8.GetBytes(pages.NotFound(new Uri(site.BaseAddress, PublicPaths.Root))), HtmlType, cancellationToken);
    }

    private async Task<IReadOnlyList<PublicReport>> PublicReportsAsync(int year, CancellationToken cancellationToken)
    {
        var byDepartment = (await publications.ListYearAsync(year, cancellationToken)).Where(p => p.IsPublished).ToDictionary(p => p.Key.Department);
        return directory.Departments.Where(d => byDepartment.ContainsKey(d.Code)).Select(d =>
        {
            var published = byDepartment[d.Code].Current!;
            return new PublicReport(year, d.Code, d.Name, published.Version!.Value, published.At);
        }).ToList();
    }

    private const string HtmlType = "text/html; charset=utf-8";

    private static string Confirmation(bool confidentialityReviewed, string? comment)
    {
        var errors = new ValidationErrors();
        if (!confidentialityReviewed) errors.Add("confidentialityReviewed", "发布前须完成保密审查，并确认“已保密审查”。");
        var text = comment?.Trim() ?? "";
        if (text.Length == 0) errors.Add("comment", "请填写保密审查意见（如审查人、审查结论）。");
        else if (text.Length > MaxCommentLength) errors.Add("comment", $"保密审查意见至多 {MaxCommentLength} 字。");
        errors.ThrowIfAny();
        return text;
    }

    private static string Required(string field, string? value, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw ReportingException.Invalid(field, missing);
        if (text.Length > MaxCommentLength) throw ReportingException.Invalid(field, $"至多 {MaxCommentLength} 字。");
        return text;
    }

    private string Name(ReportKey key) => directory.Find(key.Department)?.Name ?? key.Department;
}
