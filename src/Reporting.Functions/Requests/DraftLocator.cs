using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Functions.Requests;

/// <summary>Parses the route of one draft (year, department, section, version) into checked values.</summary>
public static class DraftLocator
{
    public static (ReportKey Key, ReportSection Section, int Version) Parse(string? year, string? department, string? section, string? version,
        DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var located = Parse(year, department, section, version, directory, errors);
        errors.ThrowIfAny();
        return located;
    }

    /// <summary>As the overload above, adding to <paramref name="errors"/> instead of throwing.</summary>
    public static (ReportKey Key, ReportSection Section, int Version) Parse(string? year, string? department, string? section, string? version,
        DistrictDirectory directory, ValidationErrors errors)
    {
        var key = ReportKeyBinder.Bind(year, department, directory, errors);
        var part = ReportTemplate.Find(section);
        if (part is null) errors.Add("section", RefusalCode.SectionUnknown);
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, null, out var number) || number < 1 || number > 1_000_000)
            errors.Add("version", RefusalCode.VersionNotPositive);
        return (key, part!, number);
    }
}
