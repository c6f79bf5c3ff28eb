using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> AccessEntries() =>
    [
        Say<string, string>(RefusalCode.NotAMember, (name, id) => $"用户“{name}”（{id}）尚未加入本系统，请联系区法治办管理员分配部门和角色。"),
        Say(RefusalCode.OfficeDoesNotSubmit, "区法治办不代替部门提交草稿，请由部门起草人提交。"),
        Say(RefusalCode.ReviewByApproverOnly, "只有本部门的审核人可以审核草稿，起草人不能审核。"),
        Say(RefusalCode.OfficeDoesNotReview, "草稿由各部门的审核人审核，区法治办不能审核。"),
        Say(RefusalCode.DistrictYearOfficeOnly, "全区总览、报告汇编和年终汇总只对区法治办开放。"),
        Say(RefusalCode.ManageMembersAdminOnly, "只有区法治办管理员可以管理成员。"),
        Say(RefusalCode.ManageSealsAdminOnly, "只有区法治办管理员可以管理印章。"),
        Say(RefusalCode.PublishOfficeOnly, "只有区法治办可以向社会公开（发布或撤回）报告。"),
        Say(RefusalCode.ActionForbidden, "无权进行此操作。"),
        Say(RefusalCode.OwnDraftReview, "不能审核自己起草的草稿：按照双人复核（四眼）原则，须由本部门的另一位审核人审核。"),
        Say(RefusalCode.OtherDepartment, "您只能处理本部门的报告，无权访问其他部门的报告。"),
        Say(RefusalCode.DepartmentForbidden, "无权访问该部门的报告。"),
    ];
}
