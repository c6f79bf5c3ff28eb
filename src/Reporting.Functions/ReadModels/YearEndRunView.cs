using Reporting.Core.YearEnd;
using Reporting.Functions.Http;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// The JSON shape of a queued year-end run (POST reports/{year}/year-end answers it with 202, GET …/year-end/{id} follows
/// it): <see cref="State"/> queued, running, done or failed; once done, what the run did and the volume's link.
/// </summary>
/// <param name="Outcome">Once done: created, unchanged or notified (an earlier volume's notice went out now). A run that finds another
/// building the volume waits in the queue and looks again, so it never ends without one.</param>
public sealed record YearEndRunView(
    int Year,
    string Id,
    string State,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Outcome,
    YearEndRunVolume? Volume,
    IReadOnlyList<string> AssembledNow,
    double? ElapsedMilliseconds)
{
    public static YearEndRunView From(YearEndRequest run, Routes routes) => new(run.Year, run.Id, Code(run.State), routes.YearEndRun(run.Year, run.Id),
        run.RequestedAt, run.StartedAt, run.FinishedAt, run.Outcome,
        run is { State: YearEndState.Done, VolumeVersion: { } version }
            ? new YearEndRunVolume(version, run.PageCount, routes.VolumePdf(run.Year, version), routes.VolumeOfd(run.Year, version))
            : null,
        run.AssembledNow, run.ElapsedMilliseconds);

    /// <summary>The state as the API spells it.</summary>
    public static string Code(YearEndState state) => state switch
    {
        YearEndState.Queued => "queued",
        YearEndState.Running => "running",
        YearEndState.Done => "done",
        _ => "failed",
    };
}

/// <summary>The volume a finished run left as the year's newest (made now, or unchanged).</summary>
public sealed record YearEndRunVolume(int Version, int? Pages, string PdfUrl, string OfdUrl);
