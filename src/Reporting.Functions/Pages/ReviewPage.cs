using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 审核: one version's details and text, and for the department's approvers (not the version's author: four-eyes) a
/// form with 审核意见 and 通过 / 退回 that posts to the approval API. Whoever else may read the report sees why there is
/// no form, in the policy's own words. A refused decision comes back here with the reason and the comment kept.
/// </summary>
public sealed class ReviewPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, Routes routes)
{
    private const string Template = """
        <p class="hint">{{ Year }} 年 · {{ Department }}</p>
        <h2>{{ Part }}</h2>
        {% if Error %}<p class="error" role="alert">未能保存审核结果：{{ Error }}</p>{% endif %}
        <dl class="facts"><dt>版本</dt><dd>第 {{ Version }} 版</dd><dt>起草人</dt><dd>{{ Author }}</dd><dt>提交时间</dt><dd>{{ When }}</dd>
        <dt>字数</dt><dd>{{ Length }} 字</dd><dt>状态</dt><dd>{{ Status }}</dd>
        {% if Reviewer %}<dt>审核人</dt><dd>{{ Reviewer }}（{{ ReviewedWhen }}）</dd>{% endif %}{% if Comment %}<dt>审核意见</dt><dd>{{ Comment }}</dd>{% endif %}</dl>
        <p><a href="{{ DraftLink }}">查看全部版本</a>{% if CompareLink %} · <a href="{{ CompareLink }}">与第 {{ Previous }} 版比较</a>{% endif %} · <a href="{{ TodoLink }}">回到我的待办</a></p>
        {% if Refusal %}<p class="warn" role="status">{{ Refusal }}</p>{% else %}
        <form method="post" action="{{ Action }}" class="review">
          <label for="comment">审核意见</label>
          <textarea id="comment" name="comment" rows="5" maxlength="{{ MaxComment }}" aria-describedby="comment-hint">{{ Draft }}</textarea>
          <p id="comment-hint" class="hint">通过时可以不填；退回时必须填写，写明需要修改的内容，起草人会看到。最多 {{ MaxComment }} 字。</p>
          <label for="date">成文日期（可选，仅通过时填写）</label>
          <input type="date" id="date" name="date" value="{{ Dated }}" min="{{ Year }}-01-01" aria-describedby="date-hint">
          <p id="date-hint" class="hint">本次通过若使报告各部分全部审核通过，报告落款的成文日期即为此日期（不早于 {{ Year }} 年，不晚于今天）；不填则为审核通过当天。</p>
          <button type="submit" name="decision" value="approve">通过</button>
          <button type="submit" name="decision" value="reject">退回</button>
        </form>{% endif %}
        <h2>第 {{ Version }} 版正文</h2>
        <div class="text">{{ Body }}</div>
        """;

    /// <param name="error">why the decision just posted was refused, shown above the form.</param>
    /// <param name="comment">the comment that was posted, kept in the form so nothing typed is lost.</param>
    /// <param name="date">the 成文日期 that was posted, kept likewise.</param>
    public async Task<string> RenderAsync(string? year, string? department, string? section, string? version, Caller caller, Membership? member,
        string? error = null, string? comment = null, string? date = null, CancellationToken cancellationToken = default)
    {
        var draft = await queries.GetDraftAsync(year, department, section, version, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        var refusal = ((AccessPolicy.Refusal(caller, member, ReportAction.ReviewDraft, draft.Department) ?? AccessPolicy.ReviewRefusal(caller, draft.AuthorId))
                is { } refused ? RefusalWording.Sentence(refused) : null)
            ?? (draft.Superseded ? RefusalWording.Sentence(Refusal.Of(EdgeRefusalCode.ReviewSuperseded, draft.Version)) : null)
            ?? (draft.Status != "submitted" ? RefusalWording.Sentence(Refusal.Of(EdgeRefusalCode.ReviewAlreadyDecided, draft.Version, draft.Status)) : null);
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
            Draft = comment,
            Dated = date,
            Refusal = refusal,
            MaxComment = DraftReview.MaxCommentLength,
            Action = routes.Approval(draft.Year, draft.Department, draft.Section, draft.Version),
            DraftLink = routes.DraftPage(draft.Year, draft.Department, draft.Section, draft.Version),
            Previous = draft.Version - 1,
            CompareLink = draft.Version > 1 ? routes.DraftPage(draft.Year, draft.Department, draft.Section, draft.Version, draft.Version - 1, draft.Version) + "#compare" : null,
            TodoLink = routes.Todo(draft.Year),
        });
    }
}
