using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Templates;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads a 批量审核 post: one field per part chosen, <c>draft.duty=3</c> (the version, as 我的待办's checkboxes send it; a JSON
/// number for API callers), and the one comment. At least one part; each version a positive number.
/// </summary>
public static class BatchApprovalBinder
{
    /// <summary>The field that carries the version of part <paramref name="section"/> (its key).</summary>
    public static string FieldOf(string section) => "draft." + section;

    public static BatchApprovalCommand Bind(string? year, string? department, RequestFields fields, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var key = ReportKeyBinder.Bind(year, department, directory, errors);
        var drafts = new List<(ReportSection, int)>();
        foreach (var section in ReportTemplate.Sections)
        {
            var value = fields[FieldOf(section.Key)]?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            if (int.TryParse(value, System.Globalization.NumberStyles.None, null, out var version) && version is >= 1 and <= 1_000_000)
                drafts.Add((section, version));
            else errors.Add(FieldOf(section.Key), RefusalCode.VersionNotPositive);
        }
        if (drafts.Count == 0 && errors.IsEmpty) errors.Add("drafts", EdgeRefusalCode.BatchNothingChosen);
        errors.ThrowIfAny();
        return new BatchApprovalCommand(key, drafts, fields["comment"]);
    }
}
