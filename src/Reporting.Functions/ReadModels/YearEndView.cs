using Reporting.Core.YearEnd;


namespace Reporting.Functions.ReadModels;

/// <summary>
/// The JSON shape of POST reports/{year}/year-end: what the run did (<see cref="Outcome"/>, <see cref="AssembledNow"/>,
/// <see cref="ElapsedMilliseconds"/>), then the year as GET reports/{year} shows it, read after the run, so the two
/// answers use the same names and types for the same things (the volume is <c>volume.version</c> in both).
/// </summary>
/// <param name="Outcome">created, unchanged, notified (an earlier volume's notice went out now) or in-progress (another run is building it: the last of
/// <paramref name="Volumes"/>).</param>
public sealed record YearEndView(
    int Year,
    string Outcome,
    IReadOnlyList<string> AssembledNow,
    double ElapsedMilliseconds,
    int Complete,
    int Missing,
    IReadOnlyList<DepartmentStatusView> Departments,
    VolumeView? Volume,
    IReadOnlyList<VolumeView> Volumes,
    YearPublicationView Publication)
{
    public static YearEndView From(YearEndResult run, YearView year) => new(year.Year, run.Outcome, run.AssembledNow, Math.Round(run.ElapsedMilliseconds, 1),
        year.Complete, year.Missing, year.Departments, year.Volume, year.Volumes, year.Publication)
    {
        Deadline = year.Deadline,
    };

    public DeadlineView? Deadline { get; init; }

}
