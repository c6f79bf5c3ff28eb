using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>A report's publication in the words of 全区总览 and 本部门报告.</summary>
public static class PublicationWords
{
    public static string State(PublicationView view, TimeZoneInfo zone) => view.Status switch
    {
        "published" => $"已发布（{Date(view.PublishedAt!.Value, zone)}，第 {view.Version} 版）",
        "withdrawn" => $"已撤回（{Date(view.WithdrawnAt!.Value, zone)}）",
        _ => "未发布",
    };

    /// <summary>Beijing's calendar day: 2022-03-01.</summary>
    public static string Date(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd");
}
