using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// How many items 我的待办 holds for a department member in a year, for the count beside it in every page's navigation:
/// the required parts without a draft, the parts sent back, and for an approver the drafts waiting that they may decide
/// (not their own). One read of the department's drafts, without their text.
/// </summary>
public sealed class TodoCount(IDraftRepository drafts)
{
    public async Task<int> OfAsync(Membership? member, Caller caller, int year, CancellationToken cancellationToken = default)
    {
        if (member?.Department is not { } department || !member.IsDepartmentRole) return 0;
        var newest = (await drafts.ListAsync(new ReportKey(year, department), cancellationToken))
            .GroupBy(d => d.Section).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!, StringComparer.Ordinal);
        var count = 0;
        foreach (var section in ReportTemplate.Sections)
        {
            var draft = newest.GetValueOrDefault(section.Key);
            if (draft is null) count += section.Required ? 1 : 0;
            else if (draft.Status == DraftStatus.Rejected) count++;
            else if (draft.Status == DraftStatus.Submitted && member.Role == MemberRole.Approver && draft.AuthorId != caller.Id) count++;
        }
        return count;
    }
}
