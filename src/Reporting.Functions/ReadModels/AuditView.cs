using Reporting.Core.Access;
using Reporting.Core.Audit;


namespace Reporting.Functions.ReadModels;

/// <summary>One line of a report's trail as GET reports/{year}/{department} shows it: when, who (id and name), what, in Chinese.</summary>
/// <remarks>Core records queue- and timer-triggered work as <see cref="Caller.System"/>, named by its id; people read 系统 (as the
/// trail's older rows stored it).</remarks>
public sealed record AuditView(DateTimeOffset At, string Action, string What, string ActorId, string Actor, string Detail)
{
    public static AuditView From(AuditEntry entry) => new(entry.At, entry.Action, Describe(entry.Action), entry.Actor.Id,
        entry.Actor == Caller.System ? "系统" : entry.Actor.Name, entry.Detail);

    private static string Describe(string action) => action switch
    {
        "draft.submitted" => "提交草稿",
        "draft.approved" => "审核通过",
        "draft.rejected" => "退回修改",
        "report.assembled" => "生成报告 PDF",
        "report.notified" => "通知区法治办",
        "volume.created" => "生成报告汇编",
        "member.saved" => "设置成员角色",
        "member.deleted" => "移除成员",
        "deadline.reminded" => "发送催报提醒",
        "deadline.overdue-listed" => "发送逾期名单",
        "deadline.unaddressed" => "催报提醒无人可发（无邮箱、无推送）",
        "deadline.withdrawn" => "撤回未发出的提醒（已无需发送）",
        "report.chased" => "区法治办催报",
        "report.chase-sent" => "发送催报邮件",
        "report.published" => "保密审查后向社会公开",
        "report.withdrawn" => "撤回公开",
        _ => action,
    };
}
