using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Publication;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads 发布, 全部发布 and 撤回 requests (the route's year and department, the form's or JSON's fields) into Core's typed
/// publication commands. Malformed fields (year, department, the reviewed versions) are refused here, every one at once (400);
/// the confirmation, the comment and the reason are Core's to judge once the caller may publish.
/// </summary>
public static class PublicationBinder
{
    public static PublishReportCommand PublishReport(string? year, string? department, RequestFields fields, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var key = ReportKeyBinder.Bind(year, department, directory, errors);
        var version = ReviewedVersionsBinder.ParseOne(fields["version"], errors);
        errors.ThrowIfAny();
        return new PublishReportCommand(key, version!.Value, Reviewed(fields), fields["comment"]);
    }

    public static PublishYearCommand PublishYear(string? year, RequestFields fields, DistrictDirectory directory)
    {
        var errors = new ValidationErrors();
        var number = ReportKeyBinder.Year(year, errors);
        var versions = ReviewedVersionsBinder.ParseYear(fields["versions"], directory, errors);
        errors.ThrowIfAny();
        return new PublishYearCommand(number!.Value, versions!, Reviewed(fields), fields["comment"]);
    }

    public static WithdrawReportCommand Withdraw(string? year, string? department, RequestFields fields, DistrictDirectory directory) =>
        new(ReportKeyBinder.Bind(year, department, directory), fields["reason"]);

    /// <summary>The 已保密审查 confirmation: a JSON true (read as "true") or a ticked checkbox ("on").</summary>
    private static bool Reviewed(RequestFields fields) => fields["confidentialityReviewed"] is "true" or "on";
}
