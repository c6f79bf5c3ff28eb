using Reporting.Core.Abstractions;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Workflow;

/// <summary>Validates a submitted part and stores it as that part's next version.</summary>
public class DraftSubmission(
    DistrictDirectory directory,
    AccessControl access,
    IDraftRepository drafts,
    IAuditLog audit,
    IGlyphCoverage coverage,
    ReportingOptions options,
    TimeProvider clock)
{
    public virtual async Task<Draft> SubmitAsync(SubmitDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var key = ReportKey.Parse(command.Year, command.Department, directory, errors);
        var currentYear = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.ResolveTimeZone()).Year;
        if (!errors.Has("year") && key.Year > currentYear)
            errors.Add("year", RefusalCode.YearNotYetCome, key.Year, currentYear);
        // Who may write for the department is settled before the text is looked at, so a stranger learns nothing from
        // validating it. An unknown department is refused below (400) before anything is stored.
        if (!errors.Has("department")) await access.DemandAsync(caller, ReportAction.SubmitDraft, key.Department, cancellationToken);
        var section = ReportTemplate.Find(command.Section?.Trim());
        if (string.IsNullOrWhiteSpace(command.Section)) errors.Add("section", RefusalCode.SectionMissing);
        else if (section is null)
            errors.Add("section", RefusalCode.SectionUnknownChoices, Shorten(command.Section), ReportTemplate.Sections.Select(s => s.Key).ToList());

        var body = command.Body is null ? null : DraftBody.Normalize(command.Body, section ?? ReportTemplate.Preamble);
        DraftBody.Validate(body, errors);
        if (body is not null && section is not null && !errors.Has("body")) PartPlacement.Check(body, section, errors);
        if (body is not null && errors.IsEmpty)
        {
            foreach (var missing in coverage.FindMissing(body).Take(10))
                errors.Add("body", RefusalCode.BodyGlyphMissing, missing.Line, missing.Column, missing.Character, missing.CodePoint);
        }
        errors.ThrowIfAny();

        var draft = await drafts.AddNextVersionAsync(
            new Draft(key, section!.Key, 0, caller.Name, body!, clock.GetUtcNow(), AuthorId: caller.Id, AuthorEmail: caller.Email), cancellationToken);
        await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.submitted", caller, draft.SubmittedAt,
            $"{draft.Section} v{draft.Version}, {draft.Body.Length} chars"), cancellationToken);
        return draft;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
