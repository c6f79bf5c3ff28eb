using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Functions.Pages;

/// <summary>
/// The words people read on a page for what the API names by code: departments by their directory name, parts by
/// their heading, statuses by the words of an OA system. Pages ask here and never print a code.
/// </summary>
public sealed class Words(DistrictDirectory directory)
{
    public const string NotSubmitted = "未提交";
    public const string Pending = "待审核";
    public const string Rejected = "已退回";
    public const string Approved = "已通过";

    public string Department(string code) => directory.Find(code)?.Name ?? "未知部门";

    /// <summary>开头部分, or the part's full heading (一、党政主要负责人…).</summary>
    public static string Part(ReportSection section) => section.Order == 0 ? "开头部分（“一、”之前）" : section.Heading;

    public static string Part(string key) => ReportTemplate.Find(key) is { } section ? Part(section) : "未知部分";

    public static string Status(DraftStatus status) => status switch
    {
        DraftStatus.Submitted => Pending,
        DraftStatus.Approved => Approved,
        _ => Rejected,
    };

    /// <summary>The API's lowercase status code (submitted, approved, rejected) in words.</summary>
    public static string Status(string code) => Enum.TryParse<DraftStatus>(code, ignoreCase: true, out var status) ? Status(status) : NotSubmitted;

    /// <summary>Beijing time, as people in the district read a clock.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm") + "（北京时间）";
}
