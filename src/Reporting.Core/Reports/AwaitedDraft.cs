using Reporting.Core.Drafts;

namespace Reporting.Core.Reports;

/// <summary>
/// A part whose newest draft is newer than the version the report has approved and has not been rejected or withdrawn:
/// assembly waits for its decision, so one round of approvals makes one PDF. <paramref name="Decided"/> is true
/// when the draft is approved but the approval has not reached the report yet (an approval still in flight).
/// </summary>
public sealed record AwaitedDraft(string Section, int Version, bool Decided)
{
    /// <summary>The parts of <paramref name="report"/> whose newest draft in <paramref name="drafts"/> awaits a decision.</summary>
    public static IReadOnlyList<AwaitedDraft> Find(Report report, IEnumerable<DraftSummary> drafts) =>
        drafts.GroupBy(d => d.Section, StringComparer.Ordinal)
            .Select(g => g.MaxBy(d => d.Version)!)
            .Where(newest => newest.Status is not (DraftStatus.Rejected or DraftStatus.Withdrawn)
                && newest.Version > (report.ApprovedVersion(newest.Section) ?? 0))
            .Select(newest => new AwaitedDraft(newest.Section, newest.Version, newest.Status == DraftStatus.Approved))
            .OrderBy(a => Templates.ReportTemplate.Find(a.Section)?.Order ?? int.MaxValue)
            .ToList();
}
