using Reporting.Core.Workflow;

namespace Reporting.Core.Access;

/// <summary>
/// The one answer to "may this caller do this to this department's report": the rules table of the README
/// ("Who may do what"), plus four-eyes on review. Pure: the membership is looked up by <see cref="AccessControl"/>.
/// Returns null when allowed, otherwise the zh-CN reason the caller reads in the 403.
/// </summary>
public static class AccessPolicy
{
    public static string? Refusal(Caller caller, Membership? member, ReportAction action, string? department)
    {
        if (caller.IsSystem) return null;
        if (member is null) return $"用户“{caller.Name}”（{caller.Id}）尚未加入本系统，请联系区法治办管理员分配部门和角色。";
        var ownDepartment = member.IsDepartmentRole && department is not null && member.Department == department;
        return action switch
        {
            ReportAction.SubmitDraft when ownDepartment => null,
            ReportAction.SubmitDraft => member.IsOffice ? "区法治办不代替部门提交草稿，请由部门起草人提交。" : OtherDepartment(member),
            ReportAction.ReadReport or ReportAction.DownloadPdf when ownDepartment || member.IsOffice => null,
            ReportAction.ReadReport or ReportAction.DownloadPdf => OtherDepartment(member),
            ReportAction.ReviewDraft when ownDepartment && member.Role == MemberRole.Approver => null,
            ReportAction.ReviewDraft when ownDepartment => "只有本部门的审核人可以审核草稿，起草人不能审核。",
            ReportAction.ReviewDraft => member.IsOffice ? "草稿由各部门的审核人审核，区法治办不能审核。" : OtherDepartment(member),
            ReportAction.DistrictYear when member.IsOffice => null,
            ReportAction.DistrictYear => "全区总览、报告汇编和年终汇总只对区法治办开放。",
            ReportAction.ManageMembers when member.Role == MemberRole.OfficeAdmin => null,
            ReportAction.ManageMembers => "只有区法治办管理员可以管理成员。",
            ReportAction.Publish when member.IsOffice => null,
            ReportAction.Publish => "只有区法治办可以向社会公开（发布或撤回）报告。",
            // Refused with the general sentence below: the app names the seal rule in its own words (Pages/SealWords).
            ReportAction.ManageSeals when member.Role == MemberRole.OfficeAdmin => null,
            _ => "无权进行此操作。",
        };
    }

    /// <summary>Four-eyes: nobody approves or rejects a draft they wrote themselves.</summary>
    public static string? ReviewRefusal(Caller reviewer, string? authorId) =>
        authorId is not null && authorId == reviewer.Id
            ? "不能审核自己起草的草稿：按照双人复核（四眼）原则，须由本部门的另一位审核人审核。"
            : null;

    /// <summary>People read this: no department code (sfj) in it, and the policy has no directory to name the department.</summary>
    private static string OtherDepartment(Membership member) =>
        member.Department is null ? "无权访问该部门的报告。" : "您只能处理本部门的报告，无权访问其他部门的报告。";
}
