using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 成员管理 for district-office administrators: the members table (filtered by department and role, with people's names
/// where known), a search among the people who signed in, and plain HTML forms that add, change and remove a member
/// through <see cref="MemberAdministration"/> (its access rule, validation, If-Match and audit). Removing takes two
/// steps: 删除 shows a confirmation, only its 确定删除 deletes. Everything works without script.
/// </summary>
public sealed class MembersPage(MemberAdministration members, SignedInPeople people, PageRenderer pages, DistrictDirectory directory, Routes routes,
    ReportingOptions options, ILocalSignIn? localSignIn = null)
{
    private const int MaxFound = 20;
    private const int MaxSearchLength = 50;

    private static readonly PageTemplate Template = PageTemplate.Of("MembersPage");

    private static readonly MemberRole[] AllRoles = [MemberRole.Author, MemberRole.Approver, MemberRole.Office, MemberRole.OfficeAdmin];

    /// <summary>
    /// The page. <paramref name="query"/> keeps the view (<see cref="MembersView"/>) and may name a member to edit (<c>edit</c>), to confirm
    /// removing (<c>delete</c>), one just saved, removed or already gone, a search (<c>q</c>) and the person picked from it (<c>pick</c>).
    /// </summary>
    public async Task<IActionResult> RenderAsync(IQueryCollection query, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var view = MembersView.From(query);
        var list = await members.ListAsync(caller, cancellationToken);
        var names = await people.NamesAsync(caller, cancellationToken);
        if (query["delete"].ToString() is { Length: > 0 } doomed) return Confirmation(doomed, list, names, view, caller, member);
        var edit = list.FirstOrDefault(m => m.UserId == query["edit"].ToString());
        var picked = query["pick"].ToString() is var pick && Membership.IsUserId(pick) ? pick : "";
        var form = edit is null ? new FormValues(picked, "author", "", "", false)
            : new FormValues(edit.UserId, edit.Role, edit.Department ?? "", edit.Source == "stored" ? edit.ETag ?? "" : "", true, edit.Email ?? "");
        var search = await SearchAsync(query["q"].ToString(), list, view, caller, cancellationToken);
        var message = query["saved"].ToString() is { Length: > 0 } saved ? new Message("已保存成员 ", saved, " 的角色、部门和电子邮箱。")
            : query["removed"].ToString() is { Length: > 0 } removed ? new Message("已删除成员 ", removed, "。")
            : query["gone"].ToString() is { Length: > 0 } gone ? new Message("用户 ", gone, " 已不在成员名单中（已被删除），这次没有删除任何记录。")
            : null;
        return Page(new PageState(list, names, form, view) { Message = message, Search = search }, StatusCodes.Status200OK, caller, member);
    }

    /// <summary>
    /// A form post: save (add or change), remove (shows the confirmation) or remove-confirmed (deletes), then 303 back here keeping
    /// the view; refused input is shown on the page, each field's reason beside it, and nothing is stored.
    /// </summary>
    public async Task<IActionResult> PostAsync(HttpRequest request, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.MemberForm, cancellationToken);
        var view = MembersView.From(request.Query);
        var userId = fields["userId"]?.Trim();
        try
        {
            switch (fields["action"])
            {
                case "remove":
                    // A page from before the confirmation step (or a script): ask first, as 删除 on the page does.
                    var id = MemberBinder.Id(userId);
                    return Confirmation(id.Value, await members.ListAsync(caller, cancellationToken), await people.NamesAsync(caller, cancellationToken), view,
                        caller, member);
                case "remove-confirmed":
                    return await RemoveAsync(MemberBinder.Id(userId), MemberBinder.ETag(fields["etag"]), view, caller, cancellationToken);
            }
            // The department list stays on the form whatever the role; for a district-office role it means nothing.
            var department = fields["role"] is "office" or "office-admin" ? null : fields["department"];
            var command = MemberBinder.Put(userId, fields["role"], department, fields["email"], fields["etag"], directory);
            var saved = await members.PutAsync(command, caller, cancellationToken);
            return ApiResult.SeeOther(routes.MembersPage(view.Query(("saved", saved.UserId))));
        }
        catch (ReportingException e) when (e.Kind is not ProblemKind.Forbidden and not ProblemKind.Unauthorized)
        {
            var list = await members.ListAsync(caller, cancellationToken);
            var names = await people.NamesAsync(caller, cancellationToken);
            var form = new FormValues(userId ?? "", fields["role"] ?? "author", fields["department"] ?? "", fields["etag"] ?? "",
                !string.IsNullOrEmpty(fields["etag"]), fields["email"] ?? "");
            return Page(new PageState(list, names, form, view) { Refusal = e }, ProblemResponses.Describe(e, request.Path).Status, caller, member);
        }
    }

    /// <summary>
    /// The confirmed removal of the member as the confirmation showed it (<paramref name="eTag"/>): a member already gone (a second click, a
    /// replayed post) changes nothing and the page says so; one changed or added again since is a 409 and stays.
    /// </summary>
    private async Task<IActionResult> RemoveAsync(MemberId userId, string? eTag, MembersView view, Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            await members.DeleteAsync(userId, caller, cancellationToken, eTag);
            return ApiResult.SeeOther(routes.MembersPage(view.Query(("removed", userId.Value))));
        }
        catch (ReportingException e) when (e.Refusal.Code == RefusalCode.MemberNotFound)
        {
            return ApiResult.SeeOther(routes.MembersPage(view.Query(("gone", userId.Value))));
        }
    }

    /// <summary>The step between 删除 and deleting: who, in which department and role, with 确定删除 and 取消.</summary>
    private ApiResult Confirmation(string userId, IReadOnlyList<MemberView> list, IReadOnlyDictionary<string, string> names, MembersView view, Caller caller,
        Membership? member)
    {
        var doomed = list.FirstOrDefault(m => m.UserId == userId && m.Source == "stored");
        if (doomed is null)
        {
            // Gone already, or configured (those have no 删除): the list as it is, saying so.
            var state = new PageState(list, names, new FormValues("", "author", "", "", false), view)
            {
                Message = list.Any(m => m.UserId == userId) ? null : new Message("用户 ", userId, " 已不在成员名单中，无需删除。"),
                Refusal = list.Any(m => m.UserId == userId) ? ReportingException.NotFound(RefusalCode.MemberConfigured, userId) : null,
            };
            return Page(state, state.Refusal is null ? StatusCodes.Status200OK : StatusCodes.Status404NotFound, caller, member);
        }
        var model = new
        {
            Confirm = new
            {
                Action = routes.MembersPage(view.Query()),
                doomed.UserId,
                doomed.ETag,
                Name = NameOf(doomed.UserId, names),
                Place = Place(doomed),
                Cancel = routes.MembersPage(view.Query()),
            },
        };
        return ApiResult.Html(pages.Render("成员管理：确认删除", caller, member, Template, model, year: view.Year));
    }

    private async Task<object?> SearchAsync(string text, IReadOnlyList<MemberView> list, MembersView view, Caller caller, CancellationToken cancellationToken)
    {
        var wanted = text.Trim();
        if (wanted.Length == 0) return null;
        if (wanted.Length > MaxSearchLength) wanted = wanted[..MaxSearchLength];
        var found = await people.FindAsync(wanted, MaxFound, caller, cancellationToken);
        var zone = options.ResolveTimeZone();
        return new
        {
            Text = wanted,
            People = found.Select(p => new
            {
                Name = p.Name == p.UserId ? "（未提供姓名）" : p.Name,
                p.UserId,
                When = Words.Time(p.LastSignIn, zone),
                Member = list.FirstOrDefault(m => m.UserId == p.UserId) is { } m ? Place(m) : null,
                // A member already: change their membership (with its ETag) rather than add them again over it.
                Pick = routes.MembersPage(view.Query(("q", wanted), (list.Any(m => m.UserId == p.UserId) ? "edit" : "pick", p.UserId))) + "#userId",
            }).ToList(),
        };
    }

    private sealed record FormValues(string UserId, string Role, string Department, string ETag, bool Editing, string Email = "");

    /// <summary>A line after a change: its words around the user id, which is shown as an id (not read as words).</summary>
    private sealed record Message(string Text, string UserId, string Tail);

    private sealed record PageState(IReadOnlyList<MemberView> List, IReadOnlyDictionary<string, string> Names, FormValues Form, MembersView View)
    {
        public Message? Message { get; init; }
        public object? Search { get; init; }
        public ReportingException? Refusal { get; init; }
    }

    /// <summary>One input's state: what describes it (its hint, its refusal) for aria-describedby, and the refusal shown beside it.</summary>
    private sealed record FieldState(string Id, string? Error, string? Extra = null)
    {
        public string DescribedBy => string.Join(" ", new[] { Id + "-hint", Extra, Error is null ? null : Id + "-error" }.Where(s => s is not null));
    }

    private ApiResult Page(PageState state, int status, Caller caller, Membership? member)
    {
        var (list, names, form, view) = (state.List, state.Names, state.Form, state.View);
        var errors = state.Refusal?.Errors.ToDictionary(e => e.Key, e => MemberFieldWording.Sentence(e.Key, e.Value[0]), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = list.Where(view.Shows).Select(m =>
        {
            var name = NameOf(m.UserId, names);
            return new
            {
                m.UserId,
                Name = name ?? "—",
                Label = name is null ? m.UserId : $"{name}（{m.UserId}）",
                Role = RoleWords.NameOfCode(m.Role),
                Department = m.DepartmentName ?? "—",
                Email = m.Email ?? "—",
                Source = m.Source == "stored" ? "数据表" : "配置",
                Stored = m.Source == "stored",
                Edit = routes.MembersPage(view.Query(("edit", m.UserId))) + "#form-title",
                Delete = routes.MembersPage(view.Query(("delete", m.UserId))),
            };
        }).ToList();
        var formName = form.UserId.Length > 0 ? NameOf(form.UserId, names) : null;
        var model = new
        {
            Action = routes.MembersPage(view.Query()),
            Home = routes.MembersPage(view.Unfiltered.Query()),
            view.Year,
            Filter = new { view.Department, view.Role, view.Filtered },
            Total = list.Count,
            state.Message,
            Error = state.Refusal is not { } e ? null : new
            {
                Title = RefusalWording.Title(e),
                Detail = errors.Count == 0 ? RefusalWording.Detail(e) : null,
                Fields = errors.Select(f => new { Id = MemberFieldWording.Labels.ContainsKey(f.Key) ? f.Key : null, Text = f.Value }).ToList(),
            },
            Fields = new
            {
                UserId = new FieldState("userId", errors.GetValueOrDefault("userId"), formName is null ? null : "userId-name"),
                Role = new FieldState("role", errors.GetValueOrDefault("role")),
                Department = new FieldState("department", errors.GetValueOrDefault("department")),
                Email = new FieldState("email", errors.GetValueOrDefault("email")),
            },
            state.Search,
            Rows = rows,
            Form = form,
            FormName = formName,
            Roles = AllRoles.Select(r => new { Value = Membership.Code(r), Label = RoleWords.Name(r) }).ToList(),
            Departments = directory.Departments.Select(d => new { Value = d.Code, Label = d.Name }).ToList(),
            NoDepartment = MembersView.NoDepartment,
        };
        return ApiResult.Html(pages.Render("成员管理", caller, member, Template, model, year: view.Year), status);
    }

    /// <summary>
    /// The name the person signed in with, else the one the local sign-in knows; null when nobody knows it (an identity that gave no name
    /// is recorded under its id, which says nothing more than the id column).
    /// </summary>
    private string? NameOf(string userId, IReadOnlyDictionary<string, string> names) =>
        names.GetValueOrDefault(userId) is { } name && name != userId ? name : localSignIn?.NameOf(userId);

    /// <summary>Where a member works, as a person says it: 科工局 审核人, or the district office's role alone.</summary>
    private string Place(MemberView member)
    {
        var role = RoleWords.NameOfCode(member.Role);
        if (member.Department is null || directory.Find(member.Department) is not { } department) return role;
        var name = department.ShortName ?? department.Name;
        var district = directory.District;
        var shortName = name.StartsWith(district, StringComparison.Ordinal) && name.Length > district.Length ? name[district.Length..] : name;
        return $"{shortName} {role}";
    }
}
