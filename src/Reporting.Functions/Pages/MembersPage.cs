using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 成员管理 for district-office administrators: the members table and plain HTML forms that add, change and remove a
/// member through <see cref="MemberAdministration"/> (its access rule, validation, If-Match and audit).
/// </summary>
public sealed class MembersPage(MemberAdministration members, PageRenderer pages, DevelopmentSignIn development, DistrictDirectory directory, Routes routes)
{
    private const string Template = """
        {% if Message %}<p class="ok" role="status">{{ Message }}</p>{% endif %}
        {% if Error %}<div class="error" role="alert"><p>{{ Error.Title }}：{{ Error.Detail }}</p></div>{% endif %}
        <h2 id="form-title">{% if Form.Editing %}修改成员{% else %}添加成员{% endif %}</h2>
        <form method="post" action="{{ Action }}" aria-labelledby="form-title">
        <input type="hidden" name="action" value="save"><input type="hidden" name="etag" value="{{ Form.ETag }}">
        <label for="userId">用户标识（统一身份认证的对象 ID 或登录名，字母、数字和 . _ @ -）</label>
        <input id="userId" name="userId" required maxlength="128" value="{{ Form.UserId }}" autocomplete="off">
        <label for="role">角色</label>
        <select id="role" name="role">{% for r in Roles %}<option value="{{ r.Value }}"{% if r.Value == Form.Role %} selected{% endif %}>{{ r.Label }}</option>{% endfor %}</select>
        <label for="department">部门（起草人、审核人必选；区法治办的角色不选）</label>
        <select id="department" name="department"><option value="">（不属于部门）</option>{% for d in Departments %}<option value="{{ d.Value }}"{% if d.Value == Form.Department %} selected{% endif %}>{{ d.Label }}</option>{% endfor %}</select>
        <label for="email">电子邮箱（可不填；催报提醒和催报发往此地址）</label>
        <input id="email" name="email" type="email" maxlength="254" value="{{ Form.Email }}" autocomplete="off">
        <button type="submit">保存</button>{% if Form.Editing %} <a href="{{ Action }}">取消修改</a>{% endif %}
        </form>
        <h2 id="members-title">成员（{{ Rows.size }} 人）</h2>
        <table class="members"><thead><tr><th scope="col">姓名</th><th scope="col">用户标识</th><th scope="col">角色</th><th scope="col">部门</th><th scope="col">来源</th><th scope="col">电子邮箱</th><th scope="col">操作</th></tr></thead>
        <tbody>{% for m in Rows %}<tr><th scope="row">{{ m.Name }}</th><td class="uid">{{ m.UserId }}</td><td>{{ m.Role }}</td><td>{{ m.Department }}</td><td>{{ m.Source }}</td><td class="uid mail">{{ m.Email }}</td>
        <td class="actions"><a href="{{ m.Edit }}" aria-label="修改{{ m.Label }}的角色或部门">修改</a>
        {% if m.Stored %}<form method="post" action="{{ Action }}"><input type="hidden" name="action" value="remove"><input type="hidden" name="userId" value="{{ m.UserId }}">
        <button type="submit" aria-label="删除{{ m.Label }}">删除</button></form>{% endif %}</td></tr>{% endfor %}</tbody></table>
        <p class="hint">来源为“配置”的成员来自应用设置（管理员名单或本地开发用户），不能删除；修改后以数据表中的记录为准。</p>
        """;

    private static readonly MemberRole[] AllRoles = [MemberRole.Author, MemberRole.Approver, MemberRole.Office, MemberRole.OfficeAdmin];

    /// <summary>The page; <paramref name="query"/> may name a member to edit (<c>edit</c>) or one just saved or removed.</summary>
    public async Task<IActionResult> RenderAsync(IQueryCollection query, Caller caller, Membership? member, CancellationToken cancellationToken = default)
    {
        var list = await members.ListAsync(caller, cancellationToken);
        var edit = list.FirstOrDefault(m => m.UserId == query["edit"].ToString());
        var form = edit is null ? new FormValues("", "author", "", "", false) : new FormValues(edit.UserId, edit.Role, edit.Department ?? "", edit.Source == "stored" ? edit.ETag ?? "" : "", true, edit.Email ?? "");
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
                await members.DeleteAsync(userId, caller, cancellationToken);
                return ApiResult.SeeOther(routes.MembersPage("removed", userId!));
            }
            // The department list stays on the form whatever the role; for a district-office role it means nothing.
            var department = fields["role"] is "office" or "office-admin" ? null : fields["department"];
            var saved = await members.PutAsync(userId, fields["role"], department, caller, fields["etag"], cancellationToken, fields["email"]);
            return ApiResult.SeeOther(routes.MembersPage("saved", saved.UserId));
        }
        catch (ReportingException e) when (e.Kind is not ProblemKind.Forbidden and not ProblemKind.Unauthorized)
        {
            var list = await members.ListAsync(caller, cancellationToken);
            var form = new FormValues(userId ?? "", fields["role"] ?? "author", fields["department"] ?? "", fields["etag"] ?? "", !string.IsNullOrEmpty(fields["etag"]), fields["email"] ?? "");
            var error = new { Title = RefusalWording.Title(e), Detail = RefusalWording.Detail(e) };
            return Page(list, form, null, error, ProblemResponses.Describe(e, request.Path).Status, caller, member);
        }
    }

    private sealed record FormValues(string UserId, string Role, string Department, string ETag, bool Editing, string Email = "");

    private ApiResult Page(IReadOnlyList<MemberView> list, FormValues form, string? message, object? error, int status, Caller caller, Membership? member)
    {
        var rows = list.Select(m =>
        {
            var name = development.Find(m.UserId)?.Name;
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
