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
            collect.Add("department", "请填写部门代码（department）。");
        else if (!IsSlug(code))
            collect.Add("department", "部门代码只能由小写字母、数字和连字符组成。");
        else if (directory.Find(code) is null)
            collect.Add("department", $"未知的部门代码“{code}”。");
        if (errors is null) collect.ThrowIfAny();
        return new ReportKey(parsedYear ?? 0, code ?? "");
    }

    public static int? ParseYear(string? year, ValidationErrors errors)
    {
        var text = year?.Trim();
        if (string.IsNullOrEmpty(text)) { errors.Add("year", "请填写年度（year）。"); return null; }
        if (text.Length != 4 || !text.All(char.IsAsciiDigit) || int.Parse(text) is < MinYear or > MaxYear)
        {
            errors.Add("year", $"年度须为 {MinYear} 至 {MaxYear} 之间的四位数字。");
            return null;
        }
        return int.Parse(text);
    }

    public override string ToString() => $"{Year}/{Department}";
}
