using System.Text.RegularExpressions;

namespace Reporting.Core.Reports;

/// <summary>Identifies one department's report for one year. The app layer binds one from a request, checked against the directory.</summary>
public sealed partial record ReportKey(int Year, string Department)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?\z", RegexOptions.CultureInvariant)] // \z: "$" would also match before a final line feed
    private static partial Regex SlugPattern();

    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public override string ToString() => $"{Year}/{Department}";
}
