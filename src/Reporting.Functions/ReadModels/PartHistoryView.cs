namespace Reporting.Functions.ReadModels;

/// <summary>
/// What the 草稿 page shows of one part: every version as a summary (oldest first), the version whose text is shown
/// (<see cref="Chosen"/>, null before the first), the pair compared (<see cref="From"/> → <see cref="To"/>), and the texts of
/// that pair alone. The shown version is always one of the pair, so a page holds at most two texts however many versions there are.
/// </summary>
public sealed record PartHistoryView(int Year, string Department, string Section, IReadOnlyList<PartVersionView> Versions,
    int? Chosen, int From, int To, IReadOnlyDictionary<int, string> Texts)
{
    public PartVersionView? Find(int? version) => version is null ? null : Versions.FirstOrDefault(v => v.Version == version);
}
