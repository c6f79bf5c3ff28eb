using System.Globalization;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Http;

using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 草稿: one part of one report, every version with its author, time, status, reviewer and 审核意见; one version's text;
/// and any two versions side by side, compared character by character (the version shown is one of the two, so a load
/// reads two texts at most, however many versions the part has). Read through the same query (and the same
/// access rules) as the JSON API; the links offered follow the rules too (审核 for approvers, 提交 for who may submit).
/// </summary>
public sealed class DraftPage(ReportQueries queries, PageRenderer pages, Words words, ReportingOptions options, Routes routes, DepartmentApprovers approvers)
{
    private static readonly PageTemplate Template = PageTemplate.Of("DraftPage");

    public async Task<string> RenderAsync(string? year, string? department, string? section, string? version, string? from, string? to,
        Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var wanted = (Chosen: Version(version, "version", errors), From: Version(from, "from", errors), To: Version(to, "to", errors));
        errors.ThrowIfAny();
        // Summaries of every version, the text of the shown pair alone (the query checks the route and the access rule).
        var history = await queries.GetPartHistoryAsync(year, department, section, wanted.Chosen, wanted.From, wanted.To, caller, cancellationToken);
        var versions = history.Versions;
        var (yearNumber, code, key) = (history.Year, history.Department, history.Section);
        var title = $"{yearNumber} 年{words.Department(code)}的草稿";
        var newest = versions.Count == 0 ? null : versions[^1];
        var chosen = history.Find(history.Chosen);
        var zone = options.ResolveTimeZone();
        var mayReview = AccessPolicy.Refusal(caller, member, ReportAction.ReviewDraft, code) is null;
        var maySubmit = AccessPolicy.Refusal(caller, member, ReportAction.SubmitDraft, code) is null;
        var (fromVersion, toVersion) = (history.From, history.To);
        var model = new Dictionary<string, object?>
        {
            ["Year"] = yearNumber,
            ["Department"] = words.Department(code),
            ["DepartmentCode"] = code,
            ["SectionCode"] = key,
            ["Part"] = Words.Part(key),
            ["Newest"] = newest?.Version,
            ["Chosen"] = chosen?.Version,
            ["Body"] = chosen is null ? null : history.Texts[chosen.Version],
            ["Docx"] = chosen is null ? null : routes.DraftDocx(yearNumber, code, key, chosen.Version),
            ["EditChosen"] = chosen is null || !maySubmit ? null : routes.Form(yearNumber, code, key, chosen.Version),
            ["Action"] = routes.DraftPage(yearNumber, code, key).Split('?')[0],
            ["TodoLink"] = routes.Todo(yearNumber),
            ["SubmitLink"] = maySubmit ? routes.Form(yearNumber, code, key) : null,
            // 撤回 for the newest version while it awaits its decision, offered to its own author only (as Core allows).
            ["WithdrawAction"] = maySubmit && newest is { Status: "submitted" } && newest.AuthorId == caller.Id
                ? routes.DraftWithdrawal(yearNumber, code, key, newest.Version) : null,
            ["ReviewLink"] = mayReview && newest is { Status: "submitted" } && AccessPolicy.ReviewRefusal(caller, newest.AuthorId) is null
                ? routes.ReviewPage(yearNumber, code, key, newest.Version) : null,
            ["Versions"] = versions.Select(v => new
            {
                v.Version, v.Author, When = Words.Time(v.SubmittedAt, zone), Length = v.Characters, Status = Words.Status(v.Status),
                Note = v.Superseded && v.Status == "submitted" ? "已有新版本，不再审核" : null,
                // Who took a withdrawn version back and when, where a decided one names its reviewer (the status column stays short).
                WithdrawnWhen = v.WithdrawnAt is { } withdrawn ? Words.Time(withdrawn, zone) : null,
                Reviewer = v.Reviewer ?? "", ReviewedWhen = v.ReviewedAt is { } at ? Words.Time(at, zone) : null, Comment = v.ReviewComment ?? "",
                Chosen = v.Version == chosen?.Version, Link = routes.DraftPage(yearNumber, code, key, v.Version),
                Edit = maySubmit ? routes.Form(yearNumber, code, key, v.Version) : null,
            }).ToList(),
            ["FromOptions"] = versions.Select(v => new { v.Version, Selected = v.Version == fromVersion }).ToList(),
            ["ToOptions"] = versions.Select(v => new { v.Version, Selected = v.Version == toVersion }).ToList(),
            ["From"] = fromVersion,
            ["To"] = toVersion,
        };
        if (versions.Count > 1)
        {
            var diff = VersionDiff.Build(history.Texts[fromVersion], history.Texts[toVersion]);
            var (refusal, note) = Explain(diff, fromVersion, toVersion);
            model["Diff"] = new
            {
                diff.Unchanged, diff.Deleted, diff.Inserted, Refusal = refusal, Note = note,
                Rows = diff.Rows.Select(r => new { Kind = r.Kind.ToString(), r.Old, r.New, r.FoldedCount }).ToList()
            };
        }
        if (chosen is not null)
        {
            var (outcome, css) = Outcome(chosen, zone);
            model["Outcome"] = outcome;
            model["OutcomeClass"] = css;
            model["OutcomeComment"] = string.IsNullOrWhiteSpace(chosen.ReviewComment) ? null : chosen.ReviewComment;
        }
        model["NextStep"] = newest is null ? null : await NextStepAsync(newest, code, cancellationToken);
        return pages.Render(title, caller, member, Template, model, year: yearNumber);
    }

    /// <summary>Who acts next on the part, by name: its approvers (not the author) while the newest version waits, else its author.</summary>
    private async Task<string?> NextStepAsync(PartVersionView newest, string department, CancellationToken cancellationToken)
    {
        switch (newest.Status)
        {
            case "submitted" when !newest.Superseded:
                var deciders = (await approvers.OfAsync(department, cancellationToken)).Where(a => a.MayDecide(newest.AuthorId)).Select(a => a.Shown).ToList();
                return deciders.Count == 0
                    ? "下一步：本部门没有可以审核这一版的审核人（起草人不能审核自己的草稿），请联系区法治办管理员在“成员管理”中添加审核人。"
                    : $"下一步：待 {string.Join("、", deciders)} 审核第 {newest.Version} 版。";
            case "rejected":
                return $"下一步：待起草人（{newest.Author}）按审核意见修改后提交新版本。";
            case "withdrawn":
                return $"下一步：第 {newest.Version} 版已撤回，待起草人提交新版本。";
            default:
                return null;
        }
    }

    /// <summary>Where the chosen version stands, in a sentence: what a reviewer sees after deciding, and an author after being told.</summary>
    private static (string Text, string Class) Outcome(PartVersionView draft, TimeZoneInfo zone) => draft.Status switch
    {
        "approved" => ($"第 {draft.Version} 版{Words.Approved}（审核人 {draft.Reviewer}，{Words.Time(draft.ReviewedAt!.Value, zone)}）。", "ok"),
        "rejected" => ($"第 {draft.Version} 版{Words.Rejected}（审核人 {draft.Reviewer}，{Words.Time(draft.ReviewedAt!.Value, zone)}），请按审核意见修改后提交新版本。", "error"),
        "withdrawn" => ($"第 {draft.Version} 版{Words.Withdrawn}：起草人 {draft.Author} 于 {(draft.WithdrawnAt is { } at ? Words.Time(at, zone) : "此前")}撤回，不再审核；"
            + "可以修改后提交新版本。", "hint"),
        _ when draft.Superseded => ($"第 {draft.Version} 版已被新版本取代，不再审核。", "hint"),
        _ => ($"第 {draft.Version} 版{Words.Pending}。", "hint"),
    };

    /// <summary>What the page says when the comparison stopped at one of its bounds: a refusal instead of it, or a note above it.</summary>
    private static (string? Refusal, string? Note) Explain(VersionDiff diff, int from, int to) => diff.Outcome switch
    {
        DiffOutcome.TooDifferent => ($"第 {from} 版与第 {to} 版差异过大（不同的段落超过 {VersionDiff.MaxParagraphs:N0} 段），无法在页面上逐段比较。" +
                                     "请分别打开两个版本查看全文。", null),
        DiffOutcome.TooLong => (null, $"两个版本改动过多，逐段对照的内容超过 {VersionDiff.MaxHtmlBytes / 1_000_000} MB，页面上只显示上面的统计。请分别打开两个版本查看全文。"),
        DiffOutcome.ParagraphsOnly => (null, "改动较多，部分改动的段落未逐字比较，整段显示为删除和新增。"),
        _ => (null, null),
    };

    /// <summary>An optional version number from the address: absent is fine, anything but a plain positive number is not.</summary>
    private static int? Version(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1_000_000) return n;
        errors.Add(field, RefusalCode.VersionNotPositive);
        return null;
    }
}
