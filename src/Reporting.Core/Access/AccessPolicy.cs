using Reporting.Core.Errors;

namespace Reporting.Core.Access;

/// <summary>
/// The one answer to "may this caller do this to this department's report": the rules table of the README
/// ("Who may do what"), plus four-eyes on review. Pure: the membership is looked up by <see cref="AccessControl"/>.
/// Returns null when allowed, otherwise the reason (a <see cref="RefusalCode"/>) the caller reads in the 403.
/// </summary>
public static class AccessPolicy
{
    public static Refusal? Refusal(Caller caller, Membership? member, ReportAction action, string? department)
    {
        if (caller.IsSystem) return null;
        if (member is null) return Errors.Refusal.Of(RefusalCode.NotAMember, caller.Name, caller.Id);
        var ownDepartment = member.IsDepartmentRole && department is not null && member.Department == department;
        var code = action switch
        {
            ReportAction.SubmitDraft when ownDepartment => null,
            ReportAction.SubmitDraft => member.IsOffice ? RefusalCode.OfficeDoesNotSubmit : OtherDepartment(member),
            ReportAction.ReadReport or ReportAction.DownloadPdf when ownDepartment || member.IsOffice => null,
            ReportAction.ReadReport or ReportAction.DownloadPdf => OtherDepartment(member),
            ReportAction.ReviewDraft when ownDepartment && member.Role == MemberRole.Approver => null,
            ReportAction.ReviewDraft when ownDepartment => RefusalCode.ReviewByApproverOnly,
            ReportAction.ReviewDraft => member.IsOffice ? RefusalCode.OfficeDoesNotReview : OtherDepartment(member),
            ReportAction.DistrictYear when member.IsOffice => null,
            ReportAction.DistrictYear => RefusalCode.DistrictYearOfficeOnly,
            ReportAction.ManageMembers when member.Role == MemberRole.OfficeAdmin => null,
            ReportAction.ManageMembers => RefusalCode.ManageMembersAdminOnly,
            ReportAction.Publish when member.IsOffice => null,
            ReportAction.Publish => RefusalCode.PublishOfficeOnly,
            ReportAction.ManageSeals when member.Role == MemberRole.OfficeAdmin => null,
            ReportAction.ManageSeals => RefusalCode.ManageSealsAdminOnly,
            _ => RefusalCode.ActionForbidden,
        };
        return code is null ? null : Errors.Refusal.Of(code);
    }

    /// <summary>Four-eyes: nobody approves or rejects a draft they wrote themselves.</summary>
    public static Refusal? ReviewRefusal(Caller reviewer, string? authorId) =>
        authorId is not null && authorId == reviewer.Id ? Errors.Refusal.Of(RefusalCode.OwnDraftReview) : null;

    /// <summary>People read this: no department code (sfj) in it, and the policy has no directory to name the department.</summary>
    private static string OtherDepartment(Membership member) =>
        member.Department is null ? RefusalCode.DepartmentForbidden : RefusalCode.OtherDepartment;
}
