using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> MemberEntries() =>
    [
        Say(RefusalCode.EmailMalformed, "电子邮箱格式不正确（应如 name@example.gov.cn，最多 254 个字符）。"),
        Say(RefusalCode.UserIdMalformed, "用户标识只能由字母、数字和 . _ @ - 组成，最多 128 个字符。"),
        Say(RefusalCode.RoleUnknown, "角色（role）须为 author（起草人）、approver（审核人）、office（区法治办工作人员）或 office-admin（区法治办管理员）。"),
        Say(RefusalCode.MemberNeedsDepartment, "起草人和审核人须属于一个部门，请填写部门代码（department）。"),
        Say(RefusalCode.OfficeRoleWithDepartment, "区法治办的角色不属于某个部门，请不要填写部门代码（department）。"),
        Say<string>(RefusalCode.MemberNotFound, id => $"用户 {id} 不是本系统的成员。"),
        Say<string>(RefusalCode.MemberConfigured, id => $"用户 {id} 的角色来自配置（Reporting__Admins 或本地开发用户），不能通过接口删除。"),
        Say<string>(RefusalCode.MemberChangedMeanwhile, id => $"用户 {id} 的成员信息已被其他管理员修改或删除，请重新读取后再修改。"),
        Say(RefusalCode.ETagMalformed, "版本标记（If-Match / etag）无效：不是本系统给出的标记。请重新读取该成员的信息后再修改。"),
    ];
}
