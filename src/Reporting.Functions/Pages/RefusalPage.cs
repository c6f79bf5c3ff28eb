using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// What a browser shows instead of problem+json when a page or a download is refused (403, 404, 400): the reason in
/// Chinese and a way back. API clients asking the same URL keep getting problem+json.
/// </summary>
public sealed class RefusalPage(PageRenderer pages)
{
    private static readonly PageTemplate Template = PageTemplate.Of("RefusalPage");

    /// <param name="notFound">What was asked for, in words ("2023 年某局报告的第 2 版 PDF"): the API's own 404 text names codes.</param>
    /// <param name="year">The year the refused request named: the navigation stays in it.</param>
    public string Render(ReportingException refusal, Caller? caller, Membership? member, string? notFound, string back, string backText, int? year = null) =>
        pages.Render(RefusalWording.Title(refusal), caller, member, Template, new
        {
            Detail = refusal.Kind switch
            {
                ProblemKind.NotFound when notFound is not null => $"{notFound}不存在或尚未生成。",
                ProblemKind.NotFound => "要查看的内容不存在。",
                _ => RefusalWording.Detail(refusal),
            },
            Back = back,
            BackText = backText,
        }, year: year);
}
