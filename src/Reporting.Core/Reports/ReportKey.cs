using System.Text.RegularExpressions;
using Reporting.Core.Directory;
using Reporting.Core.Errors;

namespace Reporting.Core.Reports;

/// <summary>Identifies one department's report for one year. Only <see cref="Parse"/> makes one from user input.</summary>
public sealed partial record ReportKey(int Year, string Department)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?\z", RegexOptions.CultureInvariant)] // \z: "$" would also match before a final line feed
    private static partial Regex SlugPattern();

    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    /// <summary>Validates year and department text from a request against the configured directory.</summary>
    public static ReportKey Parse(string? year, string? department, DistrictDirectory directory, ValidationErrors? errors = null)
    {
        var collect = errors ?? new ValidationErrors();
        var parsedYear = ParseYear(year, collect);
        var code = department?.Trim();
        if (string.IsNullOrEmpty(code))
            collect.Add("department", RefusalCode.DepartmentMissing);
        else if (!IsSlug(code))
            collect.Add("department", RefusalCode.DepartmentMalformed);
        else if (directory.Find(code) is null)
            collect.Add("department", RefusalCode.DepartmentUnknown, code);
        if (errors is null) collect.ThrowIfAny();
        return new ReportKey(parsedYear ?? 0, code ?? "");
    }

    public static int? ParseYear(string? year, ValidationErrors errors)
    {
        var text = year?.Trim();
        if (string.IsNullOrEmpty(text)) { errors.Add("year", RefusalCode.YearMissing); return null; }
        if (text.Length != 4 || !text.All(char.IsAsciiDigit) || int.Parse(text) is < MinYear or > MaxYear)
        {
            errors.Add("year", RefusalCode.YearOutOfRange, MinYear, MaxYear);
            return null;
        }
        return int.Parse(text);
    }

    public override string ToString() => $"{Year}/{Department}";
}
