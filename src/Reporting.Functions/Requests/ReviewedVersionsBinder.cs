using Reporting.Core.Directory;
using Reporting.Core.Errors;

namespace Reporting.Functions.Requests;

/// <summary>
/// The PDF versions a confidentiality review covered, as posted with a publish: <c>version</c> for one report, <c>versions</c>
/// (<c>kgj=2,sfj=1</c>: one entry per department) for the whole year, read from a publish request. What is published is what was
/// reviewed, never simply the newest.
/// </summary>
public static class ReviewedVersionsBinder
{
    /// <summary>The one version reviewed; null (with the reason in <paramref name="errors"/>) when missing or not a whole number from 1.</summary>
    public static int? ParseOne(string? version, ValidationErrors errors)
    {
        var text = version?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("version", RefusalCode.ReviewedVersionMissing);
        else if (Number(text) is { } number) return number;
        else errors.Add("version", RefusalCode.ReviewedVersionMalformed, Shorten(text));
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
            errors.Add("versions", RefusalCode.ReviewedVersionsMissing);
            return null;
        }
        var parsed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || directory.Find(parts[0]) is null || Number(parts[1]) is not { } number)
                errors.Add("versions", RefusalCode.ReviewedVersionsEntryMalformed, Shorten(entry));
            else if (!parsed.TryAdd(parts[0], number))
                errors.Add("versions", RefusalCode.ReviewedVersionsDuplicate, directory.Find(parts[0])!.Name);
        }
        return errors.Has("versions") ? null : parsed;
    }

    private static int? Number(string text) =>
        text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit) && int.Parse(text) is > 0 and var n ? n : null;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
