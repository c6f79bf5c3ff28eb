using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>
/// The PDF versions a confidentiality review covered, as posted with a publish: <c>version</c> for one report, <c>versions</c>
/// (<c>kgj=2,sfj=1</c>: one entry per department) for the whole year. What is published is what was reviewed, never simply the newest.
/// </summary>
public static class ReviewedVersions
{
    /// <summary>The one version reviewed; null (with the reason in <paramref name="errors"/>) when missing or not a whole number from 1.</summary>
    public static int? ParseOne(string? version, ValidationErrors errors)
    {
        var text = version?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("version", "请提交保密审查的 PDF 版本号（version），发布的将是这一版本。");
        else if (Number(text) is { } number) return number;
        else errors.Add("version", $"PDF 版本号（version）须为正整数，收到的是“{Shorten(text)}”。");
        return null;
    }

    /// <summary>
    /// Department code → version reviewed, from <c>kgj=2,sfj=1</c>; null (with the reason in <paramref name="errors"/>) when
    /// missing or malformed.
    /// </summary>
    public static IReadOnlyDictionary<string, int>? ParseYear(string? versions, DistrictDirectory directory, ValidationErrors errors)
    {
        var entries = (versions ?? "").Split([',', '，', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            errors.Add("versions", "请提交保密审查的各报告 PDF 版本（versions，如 kgj=2,sfj=1），发布的将是这些版本。");
            return null;
        }
        var parsed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || directory.Find(parts[0]) is null || Number(parts[1]) is not { } number)
                errors.Add("versions", $"“{Shorten(entry)}”不是“部门代码=版本号”（如 kgj=2），或部门代码未知。");
            else if (!parsed.TryAdd(parts[0], number))
                errors.Add("versions", $"部门“{directory.Find(parts[0])!.Name}”在 versions 中出现了不止一次。");
        }
        return errors.Has("versions") ? null : parsed;
    }

    /// <summary>The reason a publish of <paramref name="reviewed"/> is refused when <paramref name="newest"/> is the newest PDF (null: none).</summary>
    public static string Mismatch(string name, int reviewed, int? newest) => newest switch
    {
        null => $"{name}的报告没有可以发布的 PDF（第 {reviewed} 版不存在或已撤回）",
        _ when newest > reviewed => $"{name}：保密审查的是第 {reviewed} 版，此后已生成第 {newest} 版 PDF",
        _ => $"{name}：没有已生成的第 {reviewed} 版 PDF（最新为第 {newest} 版）",
    };

    private static int? Number(string text) =>
        text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit) && int.Parse(text) is > 0 and var n ? n : null;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
