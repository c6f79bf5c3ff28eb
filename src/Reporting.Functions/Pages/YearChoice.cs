using Reporting.Core.Calendar;
using Reporting.Core.Drafts;

namespace Reporting.Functions.Pages;

/// <summary>
/// Which report year a page opens on and which it offers: the year in progress on the calendar by default (December
/// 2026 → 2026, until that report's publication deadline has passed), and in the picker every year that has a draft
/// (looked for among the last <see cref="YearsLookedBack"/> years) with the year in progress and the year shown.
/// </summary>
public sealed class YearChoice(ReportingCalendar calendar, TimeProvider clock, IDraftRepository drafts, PageRenderer pages)
{
    /// <summary>How far back the picker looks for years with drafts: the reports of a decade.</summary>
    private const int YearsLookedBack = 10;

    /// <summary>
    /// Years with drafts are read again after this long: a year gains its first draft once, so a page may offer it a few
    /// minutes late (the year in progress and the year shown are always offered).
    /// </summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);

    private static readonly PageTemplate SelectTemplate = PageTemplate.Of("YearChoice.Select");

    private readonly Lock _gate = new();
    private (DateTimeOffset At, int InProgress, IReadOnlyList<int> Years)? _withDrafts;

    /// <summary>The year in progress on today's date in the district.</summary>
    public int InProgress => calendar.YearInProgress(calendar.Today(clock.GetUtcNow()));

    /// <summary>The years offered when <paramref name="shown"/> is on the page, newest first.</summary>
    public async Task<IReadOnlyList<int>> OfferedAsync(int shown, CancellationToken cancellationToken = default)
    {
        var inProgress = InProgress;
        var withDrafts = await WithDraftsAsync(inProgress, cancellationToken);
        return withDrafts.Append(inProgress).Append(shown).Distinct().OrderDescending().ToList();
    }

    /// <summary>The picker's label and select (id and name <c>year</c>), for a page's GET form or the draft form.</summary>
    public async Task<string> SelectAsync(int shown, CancellationToken cancellationToken = default)
    {
        var years = await OfferedAsync(shown, cancellationToken);
        return pages.Fragment(SelectTemplate, new { Years = years.Select(y => new { Year = y, Selected = y == shown }).ToList() });
    }

    private async Task<IReadOnlyList<int>> WithDraftsAsync(int inProgress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
            if (_withDrafts is { } known && known.InProgress == inProgress && now - known.At < Fresh) return known.Years;
        // One read of at most one row per year, side by side: a page pays for the slowest, not the sum.
        var candidates = Enumerable.Range(inProgress - YearsLookedBack, YearsLookedBack + 1).ToList();
        var found = await Task.WhenAll(candidates.Select(y => drafts.AnyInYearAsync(y, cancellationToken)));
        var years = candidates.Where((_, i) => found[i]).ToList();
        lock (_gate) _withDrafts = (now, inProgress, years);
        return years;
    }
}
