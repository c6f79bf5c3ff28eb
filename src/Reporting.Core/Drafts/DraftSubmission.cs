using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>Validates a submitted part and stores it as that part's next version.</summary>
public class DraftSubmission(
    DistrictDirectory directory,
    AccessControl access,
    IDraftRepository drafts,
    IAuditLog audit,
    IGlyphCoverage coverage,
    ITemplateWording wording,
    ReportingOptions options,
    TimeProvider clock)
{
    public virtual async Task<Draft> SubmitAsync(SubmitDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
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
        errors.ThrowIfAny();
        await RefuseUnchangedAsync(key, section.Key, body, cancellationToken);

        var draft = await drafts.AddNextVersionAsync(
            new Draft(key, section.Key, 0, caller.Name, body, clock.GetUtcNow(), AuthorId: caller.Id, AuthorEmail: caller.Email), cancellationToken);
        await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.submitted", caller, draft.SubmittedAt,
            $"{draft.Section} v{draft.Version}, {draft.Body.Length} chars"), cancellationToken);
        return draft;
    }

    /// <summary>
    /// A submission whose text is the part's newest version again (a form sent back untouched, a second click) would store a version
    /// no one can tell from the one before and put it up for review again: it is refused, and nothing is stored.
    /// </summary>
    private async Task RefuseUnchangedAsync(ReportKey key, string section, string body, CancellationToken cancellationToken)
    {
        if (await drafts.GetNewestAsync(key, section, cancellationToken) is { } newest && newest.Body == body)
            throw ReportingException.Invalid("body", RefusalCode.BodyUnchanged, newest.Version, newest.Status);
    }
}
