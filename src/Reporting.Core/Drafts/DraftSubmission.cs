using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Notices;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// Validates a submitted part and stores it as that part's next version, and tells its approvers (<paramref name="reviews"/>:
/// none where no notices are set up, as in the benches).
/// </summary>
public class DraftSubmission(
    DistrictDirectory directory,
    AccessControl access,
    IDraftRepository drafts,
    IAuditLog audit,
    IGlyphCoverage coverage,
    ITemplateWording wording,
    ReportingOptions options,
    TimeProvider clock,
    ReviewNotifier? reviews = null)
{
    public virtual async Task<Draft> SubmitAsync(SubmitDraftCommand command, Caller caller, CancellationToken cancellationToken = default) =>
        (await SubmitOnceAsync(command, caller, cancellationToken)).Draft;

    /// <summary>
    /// As <see cref="SubmitAsync"/>; a command with a <see cref="SubmitDraftCommand.SubmissionId"/> already used in the report (a double
    /// click, a reload, a retry) stores nothing and answers with the version that id made, even when the two posts race. The same id
    /// with another part or text is refused: it is a client's mistake, not a repeat.
    /// </summary>
    public virtual async Task<SubmittedDraft> SubmitOnceAsync(SubmitDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var (key, section) = (command.Key, command.Section);
        // A command bound elsewhere than the app layer's binder still names a department of the directory, or stores nothing.
        if (directory.Find(key.Department) is null) throw ReportingException.Invalid("department", RefusalCode.DepartmentUnknown, key.Department);
        var currentYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.ResolveTimeZone()).Year;
        if (key.Year > currentYear) errors.Add("year", RefusalCode.YearNotYetCome, key.Year, currentYear);
        // Who may write for the department is settled before the text is looked at, so a stranger learns nothing from validating it.
        await access.DemandAsync(caller, ReportAction.SubmitDraft, key.Department, cancellationToken);

        var body = DraftBody.Normalize(command.Body, section, wording);
        DraftBody.Validate(body, errors);
        if (!errors.Has("body")) PartPlacement.Check(body, section, wording, errors);
        if (errors.IsEmpty)
        {
            foreach (var missing in coverage.FindMissing(body).Take(10))
                errors.Add("body", RefusalCode.BodyGlyphMissing, missing.Line, missing.Column, missing.Character, missing.CodePoint);
        }
        if (command.SubmissionId is { } malformed && !SubmissionId.IsWellFormed(malformed))
            errors.Add("submissionId", RefusalCode.SubmissionIdMalformed, SubmissionId.MaxLength);
        errors.ThrowIfAny();
        // A repeat is answered before the text is compared: the version it made is now the newest, and "unchanged" would refuse it.
        if (command.SubmissionId is { } once && await drafts.FindSubmissionAsync(key, once, cancellationToken) is { } made)
            return new SubmittedDraft(Same(made, section.Key, body), Repeated: true);
        if (await UnchangedFromAsync(key, section.Key, body, cancellationToken) is { } same)
        {
            // A post with the same id, racing this one, may have stored this very text since the look-up above: then this is its repeat.
            if (command.SubmissionId is { } racing && await drafts.FindSubmissionAsync(key, racing, cancellationToken) is { } raced)
                return new SubmittedDraft(Same(raced, section.Key, body), Repeated: true);
            throw ReportingException.Invalid("body", RefusalCode.BodyUnchanged, same.Version, same.Status);
        }

        var draft = new Draft(key, section.Key, 0, caller.Name, body, clock.GetUtcNow(), AuthorId: caller.Id, AuthorEmail: caller.Email);
        var stored = command.SubmissionId is { } id
            ? await drafts.AddNextVersionOnceAsync(draft, id, cancellationToken)
            : new SubmittedDraft(await drafts.AddNextVersionAsync(draft, cancellationToken), Repeated: false);
        // A racing post with the same id stored it first: that post recorded it.
        if (stored.Repeated) return stored with { Draft = Same(stored.Draft, section.Key, body) };
        await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.submitted", caller, stored.Draft.SubmittedAt,
            $"{stored.Draft.Section} v{stored.Draft.Version}, {stored.Draft.Body.Length} chars"), cancellationToken);
        // Only a version made now: a repeated post answered with the version it already made tells no one again.
        if (reviews is not null) await reviews.QueueAsync(stored.Draft, cancellationToken);
        return stored;
    }

    /// <summary>The version a submission id made, when this post is truly its repeat (the same part and text); otherwise a refusal.</summary>
    private static Draft Same(Draft made, string section, string body) =>
        made.Section == section && made.Body == body ? made : throw ReportingException.Conflict(RefusalCode.SubmissionIdReused, made.Version, made.Section);

    /// <summary>
    /// A submission whose text is the part's newest version again (a form sent back untouched, a second click) would store a version
    /// no one can tell from the one before and put it up for review again: it is refused, and nothing is stored. A withdrawn version
    /// is no longer up for review: its text may be submitted again (the author took it back by mistake), and the text is compared with
    /// the newest version not withdrawn instead.
    /// </summary>
    /// <returns>The version whose text the submission repeats, or null when it brings a change.</returns>
    private async Task<Draft?> UnchangedFromAsync(ReportKey key, string section, string body, CancellationToken cancellationToken)
    {
        var newest = await drafts.GetNewestAsync(key, section, cancellationToken);
        if (newest is { Status: DraftStatus.Withdrawn })
        {
            var standing = (await drafts.ListAsync(key, cancellationToken))
                .Where(d => d.Section == section && d.Status != DraftStatus.Withdrawn).MaxBy(d => d.Version);
            newest = standing is null ? null : await drafts.GetAsync(key, section, standing.Version, cancellationToken);
        }
        return newest is not null && newest.Body == body ? newest : null;
    }
}
