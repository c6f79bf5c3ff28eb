using System.Globalization;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// After a decision on 审核 the approver goes on to the next draft waiting for them (or to 我的待办 when none is left), and
/// the page they land on says what was just decided. The link names the decided draft (<c>decided=section.version</c>);
/// the sentence is read from the store, so a hand-made link can only show a decision that was made.
/// </summary>
public sealed class DecisionNotice(ReportQueries queries, Routes routes, ReportingOptions options)
{
    /// <summary>Where a decision on <paramref name="section"/> version <paramref name="version"/> leads: the next draft to review, else 我的待办.</summary>
    public async Task<string> NextAfterAsync(int year, string department, string section, int version, Caller caller, CancellationToken cancellationToken)
    {
        var decided = $"{section}.{version}";
        var report = await queries.GetReportAsync(year.ToString(CultureInfo.InvariantCulture), department, caller, cancellationToken);
        var next = report.Sections
            .Select(s => (s.Section, Draft: s.Drafts.Count == 0 ? null : s.Drafts[^1]))
            .Where(n => n.Draft is { Status: "submitted" } draft && draft.AuthorId != caller.Id)
            .OrderBy(n => n.Draft!.SubmittedAt)
            .FirstOrDefault();
        return next.Draft is { } draft
            ? routes.ReviewPage(year, department, next.Section, draft.Version, decided)
            : routes.Todo(year, department, decided);
    }

    /// <summary>The sentence for <paramref name="decided"/> (<c>section.version</c>), or null when it names no decided draft the caller may read.</summary>
    public async Task<Shown?> ReadAsync(int year, string? department, string? decided, Caller caller, CancellationToken cancellationToken)
    {
        var parts = (decided ?? "").Split('.');
        if (department is null || parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        DraftDetailView draft;
        try
        {
            draft = await queries.GetDraftAsync(year.ToString(CultureInfo.InvariantCulture), department, parts[0], parts[1], caller, cancellationToken);
        }
        catch (ReportingException)
        {
            return null;
        }
        var zone = options.ResolveTimeZone();
        var link = routes.DraftPage(draft.Year, draft.Department, draft.Section, version);
        return draft.Status switch
        {
            "approved" => new($"“{Words.Part(draft.Section)}”第 {version} 版{Words.Approved}，{Words.Time(draft.ReviewedAt!.Value, zone)}。", "ok", link),
            "rejected" => new($"“{Words.Part(draft.Section)}”第 {version} 版{Words.Rejected}，{Words.Time(draft.ReviewedAt!.Value, zone)}；起草人会看到审核意见。",
                "ok", link),
            _ => null,
        };
    }

    /// <summary>What a page shows at its top: the sentence, its style and the decided draft's 草稿 page.</summary>
    public sealed record Shown(string Text, string Class, string DraftLink);
}
