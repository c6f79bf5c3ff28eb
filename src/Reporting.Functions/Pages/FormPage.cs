using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;
using Reporting.Functions.Http;

namespace Reporting.Functions.Pages;

/// <summary>The zh-CN submission form (提交/修改) and the page confirming a submission.</summary>
public sealed class FormPage(DistrictDirectory directory, PageRenderer pages, Words words, TimeProvider clock, Routes routes)
{
    private static readonly PageTemplate FormTemplate = PageTemplate.Of("FormPage");

    private static readonly PageTemplate ConfirmationTemplate = PageTemplate.Of("FormPage.Confirmation");

    public string Render(string? year, string? department, string? section, Caller caller, Membership? member)
    {
        // A department member writes for their own department only; the choice is not offered.
        department = member?.Department ?? department;
        var currentYear = clock.GetLocalNow().Year;
        var defaultYear = int.TryParse(year, out var y) && y >= 2000 && y <= currentYear ? y : currentYear - 1;
        var departments = directory.Departments
            .Where(d => member?.Department is null || d.Code == member.Department)
            .Select(d => new { d.Code, d.Name, Selected = d.Code == department }).ToList();
        var sections = ReportTemplate.Sections
            .Select(s => new { Code = s.Key, Name = Words.Part(s) + (s.Required ? "" : "（选填）"), Selected = s.Key == section }).ToList();
        return pages.Render("提交报告草稿", caller, member, FormTemplate,
            new
            {
                Action = routes.Drafts(), Year = defaultYear, MaxYear = currentYear, Departments = departments, Sections = sections,
                Max = DraftBody.MaxCharacters
            },
            HtmlPage.FormScript, year: defaultYear);
    }

    public string Confirmation(Draft draft, Caller caller, Membership? member) =>
        pages.Render("草稿已保存", caller, member, ConfirmationTemplate, year: draft.Report.Year, model: new
        {
            draft.Report.Year,
            TodoLink = routes.Todo(draft.Report.Year),
            FormLink = routes.Form(draft.Report.Year, draft.Report.Department),
            Department = words.Department(draft.Report.Department),
            Part = Words.Part(draft.Section),
            draft.Version,
            Length = draft.Body.EnumerateRunes().Count(),
            draft.Author,
            Status = Words.Status(draft.Status),
        });
}
