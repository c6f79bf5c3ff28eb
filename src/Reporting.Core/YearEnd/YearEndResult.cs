namespace Reporting.Core.YearEnd;

/// <summary>What one year-end run did.</summary>
/// <param name="Outcome">created, unchanged, notified (an earlier volume's notice went out now) or in-progress (another run is building it).</param>
public sealed record YearEndResult(
    int Year,
    string Outcome,
    int? VolumeVersion,
    int? PageCount,
    IReadOnlyList<string> AssembledNow,
    IReadOnlyList<string> Complete,
    IReadOnlyDictionary<string, string[]> Missing,
    double ElapsedMilliseconds);
