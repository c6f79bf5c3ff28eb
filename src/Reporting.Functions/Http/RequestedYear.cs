using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Reports;

namespace Reporting.Functions.Http;

/// <summary>
/// The report year a request names, in its query (<c>?year=2026</c>, the pages) or its path (<c>/reports/2026/…</c>, the
/// API and downloads), so a page answering it (a refusal) stays in the year the person came from. Null when none is named
/// or it is not a year a report can have.
/// </summary>
public static class RequestedYear
{
    public static int? Of(HttpRequest request)
    {
        if (Parse(request.Query["year"].ToString()) is { } asked) return asked;
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var reports = Array.IndexOf(segments, "reports");
        return reports >= 0 && reports + 1 < segments.Length ? Parse(segments[reports + 1]) : null;
    }

    private static int? Parse(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && year is >= ReportKey.MinYear and <= ReportKey.MaxYear ? year : null;
}
