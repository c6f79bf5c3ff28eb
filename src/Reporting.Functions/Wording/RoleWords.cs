using Reporting.Core.Access;

namespace Reporting.Functions.Wording;

/// <summary>A member's role as people call it (起草人, 审核人, …); programs use <see cref="Membership.Code"/>.</summary>
public static class RoleWords
{
    public static string Name(MemberRole role) => role switch
    {
        MemberRole.Author => "起草人",
        MemberRole.Approver => "审核人",
        MemberRole.Office => "区法治办工作人员",
        _ => "区法治办管理员",
    };

    /// <summary>The name of a role given by its code (author, approver, office, office-admin).</summary>
    public static string NameOfCode(string code) => Name(Enum.GetValues<MemberRole>().FirstOrDefault(r => Membership.Code(r) == code, MemberRole.OfficeAdmin));
}
