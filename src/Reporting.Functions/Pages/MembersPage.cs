using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 成员管理 for district-office administrators: the members table and plain HTML forms that add, change and remove a
/// member through <see cref="MemberAdministration"/> (its access rule, validation, If-Match and audit).
/// </summary>
public sealed class MembersPage(MemberAdministration members, PageRenderer pages, DistrictDirectory directory, Routes routes,
    ILocalSignIn? localSignIn = null)
{
    private static readonly PageTemplate Template = PageTemplate.Of("MembersPage");

    private static readonly MemberRole[] AllRoles = [MemberRole.Author, MemberRole.Approver, MemberRole.Office, MemberRole.OfficeAdmin];

    /// <summary>The page; <paramref name="query"/> may name a member to edit (<c>edit</c>) or one just saved or removed.</summary>
    public async Task<IActionResult> RenderAsync(IQueryCollection query, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var list = await members.ListAsync(caller, cancellationToken);
        var edit = list.FirstOrDefault(m => m.UserId == query["edit"].ToString());
        var form = edit is null ? new FormValues("", "author", "", "", false)
            : new FormValues(edit.UserId, edit.Role, edit.Department ?? "", edit.Source == "stored" ? edit.ETag ?? "" : "", true, edit.Email ?? "");
        var message = query["saved"].ToString() is { Length: > 0 } saved ? $"已保存成员 {saved} 的角色、部门和电子邮箱。"
            : query["removed"].ToString() is { Length: > 0 } removed ? $"已删除成员 {removed}。" : null;
        return Page(list, form, message, null, StatusCodes.Status200OK, caller, member);
    }

    /// <summary>A form post: save (add or change) or remove, then 303 back here; refused input is shown on the page with its reason.</summary>
    public async Task<IActionResult> PostAsync(HttpRequest request, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.MemberForm, cancellationToken);
        var userId = fields["userId"]?.Trim();
        try
        {
            if (fields["action"] == "remove")
            {
                await members.DeleteAsync(MemberBinder.Id(userId), caller, cancellationToken);
                return ApiResult.SeeOther(routes.MembersPage("removed", userId!));
            }
            // The department list stays on the form whatever the role; for a district-office role it means nothing.
            var department = fields["role"] is "office" or "office-admin" ? null : fields["department"];
            var command = MemberBinder.Put(userId, fields["role"], department, fields["email"], fields["etag"], directory);
            var saved = await members.PutAsync(command, caller, cancellationToken);
            return ApiResult.SeeOther(routes.MembersPage("saved", saved.UserId));
        }
        catch (ReportingException e) when (e.Kind is not ProblemKind.Forbidden and not ProblemKind.Unauthorized)
        {
            var list = await members.ListAsync(caller, cancellationToken);
            var form = new FormValues(userId ?? "", fields["role"] ?? "author", fields["department"] ?? "", fields["etag"] ?? "",
                !string.IsNullOrEmpty(fields["etag"]), fields["email"] ?? "");
            var error = new { Title = RefusalWording.Title(e), Detail = RefusalWording.Detail(e) };
            return Page(list, form, null, error, ProblemResponses.Describe(e, request.Path).Status, caller, member);
        }
    }

    private sealed record FormValues(string UserId, string Role, string Department, string ETag, bool Editing, string Email = "");

    private ApiResult Page(IReadOnlyList<MemberView> list, FormValues form, string? message, object? error, int status, Caller caller, Membership? member)
    {
        var rows = list.Select(m =>
        {
            var name = localSignIn?.NameOf(m.UserId);
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
                Edit = routes.MembersPage("edit", m.UserId),
            };
        }).ToList();
        var model = new
        {
            Action = routes.MembersPage(),
            Message = message,
            Error = error,
            Rows = rows,
            Form = form,
            Roles = AllRoles.Select(r => new { Value = Membership.Code(r), Label = RoleWords.Name(r) }).ToList(),
            Departments = directory.Departments.Select(d => new { Value = d.Code, Label = d.Name }).ToList(),
        };
        return ApiResult.Html(pages.Render("成员管理", caller, member, Template, model), status);
    }
}
