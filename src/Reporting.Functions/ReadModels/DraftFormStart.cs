using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// What the 提交/修改 form starts from for one report: the parts that already have a version, and for the part chosen the
/// version whose text fills the box (<see cref="Source"/>: the newest, or one picked on 草稿) beside the part's newest version.
/// </summary>
public sealed record DraftFormStart(IReadOnlySet<string> Submitted, Draft? Source, DraftSummary? Newest)
{
    public static readonly DraftFormStart Empty = new(new HashSet<string>(), null, null);

    /// <summary>
    /// The required part to write after <paramref name="section"/>: the first in the template's order after it (going round to the
    /// beginning) with no version yet; null when every required part has one.
    /// </summary>
    public string? NextAfter(string section)
    {
        var parts = ReportTemplate.Sections.Where(s => s.Required).Select(s => s.Key).ToList();
        var start = parts.IndexOf(section) + 1;
        return parts.Skip(start).Concat(parts.Take(start)).FirstOrDefault(p => p != section && !Submitted.Contains(p));
    }
}
