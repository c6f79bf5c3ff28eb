using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Functions.ReadModels;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>Core names its queue- and timer-triggered work by id only; the trail people read names it 系统, as older rows stored it.</summary>
public class AuditViewTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 6, 8, 0, 0, TimeSpan.Zero);

    private static AuditView Of(Caller actor) => AuditView.From(new AuditEntry("2023/kgj", "report.assembled", actor, At, "v1"));

    [Fact]
    public void Work_done_by_the_system_reads_as_xitong_whether_recorded_now_or_before()
    {
        Assert.Equal(("system", "系统"), (Of(Caller.System).ActorId, Of(Caller.System).Actor));
        Assert.Equal(("system", "系统"), (Of(new Caller("system", "系统")).ActorId, Of(new Caller("system", "系统")).Actor));
    }

    [Fact]
    public void A_person_reads_under_their_own_name()
    {
        Assert.Equal("区法治办工作人员", Of(new Caller("office", "区法治办工作人员")).Actor);
        Assert.Equal("生成报告 PDF", Of(new Caller("office", "区法治办工作人员")).What);
    }

    [Theory]
    [InlineData("draft.approved", "plans v2: 同意 (dated 2023-12-29)", "plans v2: 同意 (成文日期 2023-12-29)")]
    [InlineData("draft.approved", "plans v2: 同意 (成文日期 2023-12-29)", "plans v2: 同意 (成文日期 2023-12-29)")]
    [InlineData("draft.rejected", "duty v1: 请补充", "duty v1: 请补充")]
    [InlineData("report.withdrawn", "reason: 发现一处需要保密的内容", "撤回原因：发现一处需要保密的内容")]
    [InlineData("report.withdrawn", "撤回原因：发现一处需要保密的内容", "撤回原因：发现一处需要保密的内容")]
    [InlineData("report.published", "version 3; confidentiality reviewed; comment: 不涉密\n可公开",
        "发布第 3 版（保密审查的版本）；已保密审查；审查意见：不涉密\n可公开")]
    [InlineData("report.published", "发布第 3 版（保密审查的版本）；已保密审查；审查意见：不涉密", "发布第 3 版（保密审查的版本）；已保密审查；审查意见：不涉密")]
    public void Details_core_writes_language_neutral_read_in_chinese_and_older_chinese_rows_read_as_stored(string action, string stored, string shown)
    {
        var view = AuditView.From(new AuditEntry("2023/kgj", action, new Caller("office", "区法治办工作人员"), At, stored));
        Assert.Equal(shown, view.Detail);
    }
}
