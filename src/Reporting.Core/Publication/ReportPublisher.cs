using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>
/// Makes reports public after the confidentiality review (保密审查), and withdraws them. What goes public is the PDF version
/// the reviewer saw (posted with the request), refused when a newer one exists by then. The record is written first (under its
/// ETag), then <see cref="PublicSiteSync"/> makes the public copy and the indexes follow the record: requests racing or a
/// crash between the steps leave at worst a copy the next touch of the year repairs, never a public file the record disowns.
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

    private readonly PublicSiteSync _sync = new(directory, reports, publications, pdfs, site, pages, assembler);

    /// <summary>
    /// Publishes the reviewed PDF version of one report, which must be the newest assembled one; a repeat of the same version
    /// rewrites the public copy only.
    /// </summary>
    public virtual async Task<PublishOutcome> PublishAsync(Caller caller, PublishReportCommand command, CancellationToken cancellationToken = default)
    {
        var (key, reviewed) = (command.Key, command.ReviewedVersion);
        await access.DemandAsync(caller, ReportAction.Publish, key.Department, cancellationToken);
        var errors = new ValidationErrors();
        var text = Confirmation(command.ConfidentialityReviewed, command.Comment, errors);
        errors.ThrowIfAny();
        var newest = (await reports.GetAsync(key, cancellationToken)).NewestAssembled
            ?? throw ReportingException.Conflict(RefusalCode.NotYetAssembled, key.Year, Name(key));
        if (newest.Version != reviewed)
            throw ReportingException.Conflict(RefusalCode.ReviewedVersionStale, new VersionMismatch(Name(key), reviewed, newest.Version), newest.Version);
        var outcome = await PublishOneAsync(caller, key, newest.Version, text, cancellationToken);
        await _sync.SyncYearAsync(key.Year, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// Publishes every report of the year that has an assembled PDF and was not withdrawn (a withdrawn one is published again one
    /// by one), under one confirmation, each at the version the command lists for it. The list must be exactly what would be
    /// published: any difference (a newer PDF, a report added or withdrawn meanwhile) refuses the whole batch, naming the
    /// departments, and nothing is published, so no report goes public unreviewed.
    /// </summary>
    public virtual async Task<IReadOnlyList<PublishOutcome>> PublishYearAsync(Caller caller, PublishYearCommand command,
        CancellationToken cancellationToken = default)
    {
        var (number, reviewed) = (command.Year, command.ReviewedVersions);
        await access.DemandAsync(caller, ReportAction.Publish, null, cancellationToken);
        var errors = new ValidationErrors();
        var text = Confirmation(command.ConfidentialityReviewed, command.Comment, errors);
        errors.ThrowIfAny();
        var due = await DueForYearAsync(number, cancellationToken);
        if (due.Count == 0) throw ReportingException.Conflict(RefusalCode.NothingToPublish, number);
        var mismatched = directory.Departments
            .Where(d => due.GetValueOrDefault(d.Code) != reviewed.GetValueOrDefault(d.Code))
            .Select(d => new VersionMismatch(d.Name, reviewed.TryGetValue(d.Code, out var seen) ? seen : null, due.TryGetValue(d.Code, out var v) ? v : null))
            .ToList();
        if (mismatched.Count > 0)
            throw ReportingException.Conflict(RefusalCode.ReviewedVersionsStale, mismatched);
        var outcomes = new List<PublishOutcome>();
        foreach (var department in directory.Departments.Where(d => due.ContainsKey(d.Code)))
            outcomes.Add(await PublishOneAsync(caller, new ReportKey(number, department.Code), due[department.Code], text, cancellationToken));
        await _sync.SyncYearAsync(number, cancellationToken);
        return outcomes;
    }

    /// <summary>Department code → the newest assembled PDF version, for every report of the year 全部发布 would publish (not withdrawn).</summary>
    public virtual async Task<IReadOnlyDictionary<string, int>> DueForYearAsync(int year, CancellationToken cancellationToken = default)
    {
        var withdrawn = (await publications.ListYearAsync(year, cancellationToken)).Where(p => p.IsWithdrawn).Select(p => p.Key.Department).ToHashSet();
        return (await reports.ListYearAsync(year, cancellationToken))
            .Where(r => r.NewestAssembled is not null && !withdrawn.Contains(r.Key.Department))
            .ToDictionary(r => r.Key.Department, r => r.NewestAssembled!.Version, StringComparer.Ordinal);
    }

    /// <summary>
    /// Writes the public site's root index (when there is none) and its page for a missing address, so that before the first
    /// publication the site already answers in the district's words. Run when the app starts; safe to run again.
    /// </summary>
    public virtual Task PrepareSiteAsync(CancellationToken cancellationToken = default) => _sync.WriteFrameAsync(cancellationToken);

    /// <summary>Removes the public copy and records why; the record and its history stay. A repeat removes the files again.</summary>
    public virtual async Task<PublishOutcome> WithdrawAsync(Caller caller, WithdrawReportCommand command, CancellationToken cancellationToken = default)
    {
        var key = command.Key;
        await access.DemandAsync(caller, ReportAction.Publish, key.Department, cancellationToken);
        var text = Required("reason", command.Reason, RefusalCode.WithdrawReasonMissing);
        var now = clock.GetUtcNow();
        var outcome = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await publications.GetAsync(key, cancellationToken);
            if (current.Events.Count == 0) throw ReportingException.Conflict(RefusalCode.NotPublished, key.Year, Name(key));
            var changed = current.Withdraw(caller, now, text);
            if (changed) await publications.SaveAsync(current, cancellationToken);
            return new PublishOutcome(current, changed);
        }, cancellationToken);
        if (outcome.Changed)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.withdrawn", caller, now, $"reason: {text}"), cancellationToken);
        await _sync.SyncReportAsync(key, cancellationToken);
        await _sync.SyncYearAsync(key.Year, cancellationToken);
        return outcome;
    }

    private async Task<PublishOutcome> PublishOneAsync(Caller caller, ReportKey key, int version, string comment, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outcome = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await publications.GetAsync(key, cancellationToken);
            var changed = current.Publish(version, caller, now, comment);
            if (changed) await publications.SaveAsync(current, cancellationToken);
            return new PublishOutcome(current, changed);
        }, cancellationToken);
        if (outcome.Changed)
            await audit.RecordAsync(new AuditEntry(key.ToString(), "report.published", caller, now,
                $"version {version}; confidentiality reviewed; comment: {comment}"), cancellationToken);
        await _sync.SyncReportAsync(key, cancellationToken);
        return outcome;
    }

    private static string Confirmation(bool confidentialityReviewed, string? comment, ValidationErrors errors)
    {
        if (!confidentialityReviewed) errors.Add("confidentialityReviewed", RefusalCode.ConfidentialityNotConfirmed);
        var text = comment?.Trim() ?? "";
        if (text.Length == 0) errors.Add("comment", RefusalCode.ReviewCommentMissing);
        else if (text.Length > MaxCommentLength) errors.Add("comment", RefusalCode.ReviewCommentTooLong, MaxCommentLength);
        return text;
    }

    private static string Required(string field, string? value, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw ReportingException.Invalid(field, missing);
        if (text.Length > MaxCommentLength) throw ReportingException.Invalid(field, RefusalCode.TextTooLong, MaxCommentLength);
        return text;
    }

    private string Name(ReportKey key) => directory.Find(key.Department)?.Name ?? key.Department;
}
