using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

/// <summary>
/// 成员管理's refusals as the form's reader needs them: each names the field by the label it has on the form (用户, 角色,
/// 部门, 电子邮箱), not by the JSON member the API's problem+json names, and says what to do there.
/// </summary>
public static class MemberFieldWording
{
    /// <summary>The form's labels by field; a field the form does not show (etag) has none.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userId"] = "用户",
        ["role"] = "角色",
        ["department"] = "部门",
        ["email"] = "电子邮箱",
    };

    /// <summary>The sentence beside the field: its label, then what is wrong in the form's own terms.</summary>
    public static string Sentence(string field, Refusal refusal)
    {
        var what = refusal.Code switch
        {
            RefusalCode.UserIdMalformed => "请填写用户标识（只能由字母、数字和 . _ @ - 组成，最多 128 个字符），或用上面的查找选择一位登录过的人员。",
            RefusalCode.RoleUnknown => "请从列表中选择一个角色。",
            RefusalCode.MemberNeedsDepartment => "起草人和审核人须属于一个部门，请选择部门。",
            RefusalCode.DepartmentUnknown => "所选部门不在本区的部门名录中，请从列表中重新选择。",
            RefusalCode.OfficeRoleWithDepartment => "区法治办的角色不属于某个部门，请选择“（不属于部门）”。",
            RefusalCode.EmailMalformed => "格式不正确，应如 name@example.gov.cn（最多 254 个字符），也可以不填。",
            // Not a field a person fills in: the page's own hidden version mark, changed on the way.
            RefusalCode.ETagMalformed => "页面记录的成员版本无效。请重新打开成员管理，再修改或删除。",
            _ => RefusalWording.Sentence(refusal),
        };
        return Labels.TryGetValue(field, out var label) ? $"{label}：{what}" : what;
    }
}
