using System.Text.RegularExpressions;
using Reporting.Core.Access;
using Reporting.Core.Audit;

namespace Reporting.Functions.ReadModels;

/// <summary>One line of a report's trail as GET reports/{year}/{department} shows it: when, who (id and name), what, in Chinese.</summary>
/// <remarks>Core records queue- and timer-triggered work as <see cref="Caller.System"/>, named by its id; people read 系统 (as the
/// trail's older rows stored it). Likewise Core writes its details language-neutral (<c>reason: …</c>, <c>(dated 2024-01-15)</c>);
/// they read here in Chinese, and older rows, stored in Chinese, read as they were stored.</remarks>
public sealed partial record AuditView(DateTimeOffset At, string Action, string What, string ActorId, string Actor, string Detail)
{
    public static AuditView From(AuditEntry entry) => new(entry.At, entry.Action, Describe(entry.Action), entry.Actor.Id,
        entry.Actor == Caller.System ? "系统" : entry.Actor.Name, Word(entry.Action, entry.Detail));

    [GeneratedRegex(@" \(dated (\d{4}-\d{2}-\d{2})\)$")]
    private static partial Regex Dated();

    [GeneratedRegex(@"^version (\d+); confidentiality reviewed; comment: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Published();

    private const string Reason = "reason: ";

    private static string Word(string action, string detail) => action switch
    {
        "draft.approved" or "draft.rejected" => Dated().Replace(detail, " (成文日期 $1)"),
        "report.withdrawn" when detail.StartsWith(Reason, StringComparison.Ordinal) => "撤回原因：" + detail[Reason.Length..],
        "report.published" when Published().Match(detail) is { Success: true } m =>
            $"发布第 {m.Groups[1].Value} 版（保密审查的版本）；已保密审查；审查意见：{m.Groups[2].Value}",
        _ => detail,
    };

    private static string Describe(string action) => action switch
    {
        "draft.submitted" => "提交草稿",
        "draft.approved" => "审核通过",
        "draft.rejected" => "退回修改",
        "draft.withdrawn" => "撤回草稿",
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
