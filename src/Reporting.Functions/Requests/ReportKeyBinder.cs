using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads a report's year and department from a request (route, form or JSON) into Core's <see cref="ReportKey"/>: a year of four
/// digits in <see cref="ReportKey.MinYear"/>–<see cref="ReportKey.MaxYear"/>, a department code the directory knows.
/// </summary>
public static class ReportKeyBinder
{
    /// <summary>The key, or a 400 naming every bad field.</summary>
    public static ReportKey Bind(string? year, string? department, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var key = Bind(year, department, directory, errors);
        errors.ThrowIfAny();
        return key;
    }

    /// <summary>As the overload above, adding to <paramref name="errors"/> instead of throwing (the key is then not to be used).</summary>
    public static ReportKey Bind(string? year, string? department, DistrictDirectory directory, ValidationErrors errors)
    {
        var parsedYear = Year(year, errors);
        var code = department?.Trim();
        if (string.IsNullOrEmpty(code))
            errors.Add("department", RefusalCode.DepartmentMissing);
        else if (!ReportKey.IsSlug(code))
            errors.Add("department", RefusalCode.DepartmentMalformed);
        else if (directory.Find(code) is null)
            errors.Add("department", RefusalCode.DepartmentUnknown, code);
        return new ReportKey(parsedYear ?? 0, code ?? "");
    }

    /// <summary>The year, or a 400.</summary>
    public static int Year(string? year)
    {
        var errors = new ValidationErrors();
        var number = Year(year, errors);
        errors.ThrowIfAny();
        return number!.Value;
    }

    /// <summary>The year, or null with the reason added to <paramref name="errors"/>.</summary>
    public static int? Year(string? year, ValidationErrors errors)
    {
        var text = year?.Trim();
        if (string.IsNullOrEmpty(text)) { errors.Add("year", RefusalCode.YearMissing); return null; }
        var number = text.Length == 4 && text.All(char.IsAsciiDigit) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (number is < ReportKey.MinYear or > ReportKey.MaxYear)
        {
            errors.Add("year", RefusalCode.YearOutOfRange, ReportKey.MinYear, ReportKey.MaxYear);
            return null;
        }
        return number;
    }
}
