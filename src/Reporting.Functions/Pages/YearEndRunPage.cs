using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.YearEnd;
using Reporting.Functions.Http;
using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 立即汇编's progress: where the queued run stands, followed by script at the run's JSON status (<see cref="FollowedProgress"/>: no
/// timed reload, which WCAG 2.2.1 and 3.2.5 refuse) until it is done or failed, then what it did and the volume's links. The reader may
/// stop the following (停止自动刷新); without script, or once stopped, the page offers a link to look again by hand.
/// </summary>
public sealed class YearEndRunPage(PageRenderer pages, Routes routes, ReportingOptions options)
{
    /// <summary>How often the page asks where the run stands.</summary>
    public static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(2);

    /// <summary>How long the page asks before it stops and offers a link to reload: a run of 200 departments takes about 15 s.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    private const string Compiling = "正在汇编：为已全部通过的报告生成 PDF，再汇编成册";

    private static readonly PageTemplate Template = PageTemplate.Of("YearEndRunPage");

    /// <param name="autoRefresh">False once the reader stopped the following.</param>
    public string Render(YearEndRequest run, Caller caller, Membership? member, bool autoRefresh = true)
    {
        var following = autoRefresh && !run.IsFinished;
        var zone = options.ResolveTimeZone();
        var model = new
        {
            run.Year,
            Finished = run.IsFinished,
            Progress = run.State switch
            {
                YearEndState.Queued => $"已加入汇编队列（{Words.Time(run.RequestedAt, zone)}，{run.RequestedByName}），等待处理。",
                YearEndState.Running => $"{Compiling}（{Words.Time(run.StartedAt ?? run.RequestedAt, zone)} 开始）。",
                YearEndState.Done => Done(run.Outcome, run.VolumeVersion),
                _ => $"汇编失败（已尝试 {run.Attempts} 次）。请稍后在全区总览再次点击“立即汇编”；仍然失败时，请联系系统管理员。",
            },
            Failed = run.State == YearEndState.Failed,
            Follow = following ? Follow(run).Attributes : null,
            Here = routes.YearEndRun(run.Year, run.Id),
            StopRefresh = routes.YearEndRun(run.Year, run.Id, autoRefresh: false),
            Volume = run is { State: YearEndState.Done, VolumeVersion: { } version }
                ? new { Version = version, Pages = run.PageCount, Pdf = routes.VolumePdf(run.Year, version), Ofd = routes.VolumeOfd(run.Year, version) }
                : null,
            Overview = routes.OverviewPage(run.Year),
        };
        return pages.Render($"{run.Year} 年度立即汇编", caller, member, Template, model, following ? HtmlPage.FollowScript : null, run.Year);
    }

    /// <summary>The run followed at its status resource while queued or running; a run taken up is said to be compiling.</summary>
    private FollowedProgress Follow(YearEndRequest run) => new(routes.YearEndRun(run.Year, run.Id), "state",
        [YearEndRunView.Code(YearEndState.Queued), YearEndRunView.Code(YearEndState.Running)], YearEndRunView.Code(run.State), AskEvery, Patience,
        "汇编仍未完成，本页已停止自动查看。", new Dictionary<string, string> { [YearEndRunView.Code(YearEndState.Running)] = Compiling + "。" });

    /// <summary>What a finished run did, from its outcome (<see cref="YearEndResult.Outcome"/>).</summary>
    private static string Done(string? outcome, int? volume) => outcome switch
    {
        "created" when volume is not null => $"汇编完成：已生成第 {volume} 版报告汇编。",
        "unchanged" when volume is not null => $"汇编完成：各部门报告与第 {volume} 版汇编相比没有变化，未生成新版本。",
        "notified" => $"汇编完成：已补发第 {volume} 版报告汇编的通知。",
        _ => "汇编完成：尚无已全部通过的部门报告，未生成报告汇编。",
    };
}
