using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.YearEnd;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>
/// 立即汇编's progress: where the queued run stands, refreshing itself (a meta refresh, no script) until it is done or
/// failed, then what it did and the volume's links. The reader may stop the reloading (WCAG 2.2.1 asks that a time limit
/// can be turned off): the page then offers a link to look again by hand.
/// </summary>
public sealed class YearEndRunPage(PageRenderer pages, Routes routes, ReportingOptions options)
{
    /// <summary>Seconds between the page's reloads while the run is not finished.</summary>
    public const int RefreshSeconds = 2;

    private static readonly PageTemplate Template = PageTemplate.Of("YearEndRunPage");

    /// <param name="autoRefresh">False once the reader stopped the reloading.</param>
    public string Render(YearEndRequest run, Caller caller, Membership? member, bool autoRefresh = true)
    {
        var refreshing = autoRefresh && !run.IsFinished;
        var zone = options.ResolveTimeZone();
        var model = new
        {
            run.Year,
            Finished = run.IsFinished,
            Progress = run.State switch
            {
                YearEndState.Queued => $"已加入汇编队列（{Words.Time(run.RequestedAt, zone)}，{run.RequestedByName}），等待处理。",
                YearEndState.Running => $"正在汇编：为已全部通过的报告生成 PDF，再汇编成册（{Words.Time(run.StartedAt ?? run.RequestedAt, zone)} 开始）。",
                YearEndState.Done => Done(run.Outcome, run.VolumeVersion),
                _ => $"汇编失败（已尝试 {run.Attempts} 次）。请稍后在全区总览再次点击“立即汇编”；仍然失败时，请联系系统管理员。",
            },
            Failed = run.State == YearEndState.Failed,
            RefreshSeconds,
            Refreshing = refreshing,
            Here = routes.YearEndRun(run.Year, run.Id),
            StopRefresh = routes.YearEndRun(run.Year, run.Id, autoRefresh: false),
            Volume = run is { State: YearEndState.Done, VolumeVersion: { } version }
                ? new { Version = version, Pages = run.PageCount, Pdf = routes.VolumePdf(run.Year, version), Ofd = routes.VolumeOfd(run.Year, version) }
                : null,
            Overview = routes.OverviewPage(run.Year),
        };
        return pages.Render($"{run.Year} 年度立即汇编", caller, member, Template, model, year: run.Year,
            refreshSeconds: refreshing ? RefreshSeconds : null);
    }

    /// <summary>What a finished run did, from its outcome (<see cref="YearEndResult.Outcome"/>).</summary>
    private static string Done(string? outcome, int? volume) => outcome switch
    {
        "created" when volume is not null => $"汇编完成：已生成第 {volume} 版报告汇编。",
        "unchanged" when volume is not null => $"汇编完成：各部门报告与第 {volume} 版汇编相比没有变化，未生成新版本。",
        "notified" => $"汇编完成：已补发第 {volume} 版报告汇编的通知。",
        _ => "汇编完成：尚无已全部通过的部门报告，未生成报告汇编。",
    };
}
