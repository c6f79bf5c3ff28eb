using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 审核: one version's details and text, and for the department's approvers (not the version's author: four-eyes) a
/// form with 审核意见 and 通过 / 退回 that posts to the approval API. Whoever else may read the report sees why there is
/// no form, in the policy's own words. A refused decision comes back here with the reason and the comment kept.
/// </summary>
public sealed class ReviewPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, Routes routes, DecisionNotice decisions,
    DepartmentApprovers approvers)
{
    private static readonly PageTemplate Template = PageTemplate.Of("ReviewPage");

    /// <param name="error">why the decision just posted was refused, shown above the form.</param>
    /// <param name="comment">the comment that was posted, kept in the form so nothing typed is lost.</param>
    /// <param name="date">the 成文日期 that was posted, kept likewise.</param>
    /// <param name="decided">the draft decided just before this one was opened (<c>section.version</c>), named at the top.</param>
    public async Task<string> RenderAsync(string? year, string? department, string? section, string? version, Caller caller, Membership? member,
        string? error = null, string? comment = null, string? date = null, CancellationToken cancellationToken = default, string? decided = null)
    {
        var draft = await queries.GetDraftAsync(year, department, section, version, caller, cancellationToken);
        var notice = await decisions.ReadAsync(draft.Year, draft.Department, decided, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        var refusal = ((AccessPolicy.Refusal(caller, member, ReportAction.ReviewDraft, draft.Department) ?? AccessPolicy.ReviewRefusal(caller, draft.AuthorId))
                is { } refused ? RefusalWording.Sentence(refused) : null)
            ?? (draft.Superseded ? RefusalWording.Sentence(Refusal.Of(EdgeRefusalCode.ReviewSuperseded, draft.Version)) : null)
            ?? (draft.Status != "submitted" ? RefusalWording.Sentence(Refusal.Of(EdgeRefusalCode.ReviewAlreadyDecided, draft.Version, draft.Status)) : null);
        // One's own draft: not a dead end, the page names who may decide it (or says nobody can, and whom to ask).
        if (AccessPolicy.ReviewRefusal(caller, draft.AuthorId) is not null && draft.Status == "submitted" && !draft.Superseded)
            refusal += await OthersAsync(draft.Department, draft.AuthorId, cancellationToken);
        return pages.Render("审核草稿", caller, member, Template, year: draft.Year, model: new
        {
            draft.Year,
            Department = words.Department(draft.Department),
            Part = Words.Part(draft.Section),
            draft.Version,
            draft.Author,
            When = Words.Time(draft.SubmittedAt, zone),
            Length = draft.Body.EnumerateRunes().Count(),
            Status = Words.Status(draft.Status),
            draft.Reviewer,
            ReviewedWhen = draft.ReviewedAt is { } at ? Words.Time(at, zone) : null,
            Comment = draft.ReviewComment,
            draft.Body,
            Error = error,
            Decided = notice,
            Draft = comment,
            Dated = date,
            Refusal = refusal,
            MaxComment = DraftReview.MaxCommentLength,
            Action = routes.Approval(draft.Year, draft.Department, draft.Section, draft.Version),
            DraftLink = routes.DraftPage(draft.Year, draft.Department, draft.Section, draft.Version),
            Previous = draft.Version - 1,
            CompareLink = draft.Version > 1 ? routes.DraftPage(draft.Year, draft.Department, draft.Section, draft.Version, draft.Version - 1,
                draft.Version) + "#compare" : null,
            TodoLink = routes.Todo(draft.Year),
        });
    }

    private async Task<string> OthersAsync(string department, string? authorId, CancellationToken cancellationToken)
    {
        var others = (await approvers.OfAsync(department, cancellationToken)).Where(a => a.MayDecide(authorId)).Select(a => a.Shown).ToList();
        return others.Count == 0
            ? "本部门没有其他审核人，这一版无人可以审核；请联系区法治办管理员在“成员管理”中为本部门添加审核人。"
            : $"这一版待本部门其他审核人审核：{string.Join("、", others)}。";
    }
}
