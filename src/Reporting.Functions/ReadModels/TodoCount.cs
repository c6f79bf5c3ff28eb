using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// How many items 我的待办 holds for a department member in a year, for the count beside it in every page's navigation:
/// the required parts without a draft (or only a withdrawn one), the parts sent back, and for an approver the drafts waiting that they may decide
/// (not their own). One read of the department's drafts, without their text.
/// </summary>
public sealed class TodoCount(IDraftRepository drafts)
{
    public async Task<int> OfAsync(Membership? member, Caller caller, int year, CancellationToken cancellationToken = default)
    {
        if (member?.Department is not { } department || !member.IsDepartmentRole) return 0;
        var parts = (await drafts.ListAsync(new ReportKey(year, department), cancellationToken)).ToLookup(d => d.Section, StringComparer.Ordinal);
        var count = 0;
        foreach (var section in ReportTemplate.Sections)
        {
            var draft = parts[section.Key].MaxBy(d => d.Version);
            // A part whose newest version was withdrawn waits for a new one, as one never written does (unless one was approved).
            var unwritten = draft is null || draft.Status == DraftStatus.Withdrawn && parts[section.Key].All(d => d.Status != DraftStatus.Approved);
            if (unwritten) count += section.Required ? 1 : 0;
            else if (draft!.Status == DraftStatus.Rejected) count++;
            else if (draft.Status == DraftStatus.Submitted && member.Role == MemberRole.Approver && draft.AuthorId != caller.Id) count++;
        }
        return count;
    }
}
