using Reporting.Core.Abstractions;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Workflow;

/// <summary>Validates a submitted part and stores it as that part's next version.</summary>
public class DraftSubmission(
    DistrictDirectory directory,
    IDraftRepository drafts,
    IAuditLog audit,
    IGlyphCoverage coverage,
    TimeProvider clock)
{
    public const int MaxAuthorLength = 50;

    public virtual async Task<Draft> SubmitAsync(SubmitDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var key = ReportKey.Parse(command.Year, command.Department, directory, errors);
        var section = ReportTemplate.Find(command.Section?.Trim());
        if (string.IsNullOrWhiteSpace(command.Section)) errors.Add("section", "请选择报告部分（section）。");
        else if (section is null) errors.Add("section", $"未知的报告部分“{Shorten(command.Section)}”，可选：{string.Join("、", ReportTemplate.Sections.Select(s => s.Key))}。");
        var author = command.Author?.Trim();
        if (string.IsNullOrEmpty(author)) errors.Add("author", "请填写起草人（author）。");
        else if (author.Length > MaxAuthorLength) errors.Add("author", $"起草人不能超过 {MaxAuthorLength} 个字符。");
        ShortText.Validate("author", "起草人", author, errors);

        var body = command.Body is null ? null : DraftBody.Normalize(command.Body, section ?? ReportTemplate.Preamble);
        DraftBody.Validate(body, errors);
        if (body is not null && errors.IsEmpty)
        {
            foreach (var missing in coverage.FindMissing(body).Take(10))
                errors.Add("body", $"正文第 {missing.Line} 行第 {missing.Column} 个字符“{missing.Character}”（U+{missing.CodePoint:X4}）无法用已配置的字体排印，请改用常用字或联系管理员配置字体。");
        }
        errors.ThrowIfAny();

        var draft = await drafts.AddNextVersionAsync(
            new Draft(key, section!.Key, 0, author!, body!, clock.GetUtcNow()), cancellationToken);
        await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.submitted", caller.Name, draft.SubmittedAt,
            $"{draft.Section} v{draft.Version}, {draft.Body.Length} chars"), cancellationToken);
        return draft;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
