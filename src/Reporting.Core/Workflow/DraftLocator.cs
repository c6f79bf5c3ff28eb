using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Workflow;

/// <summary>Parses the route of one draft (year, department, section, version) into checked values.</summary>
public static class DraftLocator
{
    public static (ReportKey Key, ReportSection Section, int Version) Parse(string? year, string? department, string? section, string? version, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var key = ReportKey.Parse(year, department, directory, errors);
        var part = ReportTemplate.Find(section);
        if (part is null) errors.Add("section", "未知的报告部分。");
        if (!int.TryParse(version, System.Globalization.NumberStyles.None, null, out var number) || number < 1 || number > 1_000_000)
            errors.Add("version", "版本号须为正整数。");
        errors.ThrowIfAny();
        return (key, part!, number);
    }
}
