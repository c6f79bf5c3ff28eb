using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>
/// The pages people open in a browser. Each binds its query and hands off to its page class through
/// <see cref="BrowserRequests"/>: someone not signed in is sent to sign in and comes back; a refusal is a page.
/// </summary>
public sealed class PageFunctions(
    TodoPage todo, FormPage form, DraftPage draft, ReviewPage review, DepartmentPage department, OverviewPage overview, MembersPage members,
    BrowserRequests browser, SealsPage seals)
{
    /// <summary>我的待办, the landing page.</summary>
    [Function("TodoPage")]
    public Task<IActionResult> Todo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "todo")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => todo.RenderAsync(Query(request, "year"), caller, member, cancellationToken,
            Query(request, "department"), Query(request, "decided")), cancellationToken);

    /// <summary>提交/修改: the form.</summary>
    [Function("DraftForm")]
    public Task<IActionResult> Form(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => form.RenderAsync(request.Query["year"], request.Query["department"], request.Query["section"],
            request.Query["version"], caller, member, cancellationToken), cancellationToken);

    /// <summary>草稿: one part's versions, text and comparison.</summary>
    [Function("DraftPage")]
    public Task<IActionResult> Draft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "draft")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        return browser.PageAsync(request, (caller, member) =>
            draft.RenderAsync(q["year"], q["department"], q["section"], q["version"], q["from"], q["to"], caller, member, cancellationToken),
                cancellationToken);
    }

    /// <summary>审核: one version and, for the department's other approvers, the form that decides it.</summary>
    [Function("ReviewPage")]
    public Task<IActionResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var q = request.Query;
        return browser.PageAsync(request, (caller, member) =>
            review.RenderAsync(q["year"], q["department"], q["section"], q["version"], caller, member, decided: q["decided"],
                cancellationToken: cancellationToken),
                cancellationToken);
    }

    /// <summary>本部门报告.</summary>
    [Function("DepartmentPage")]
    public Task<IActionResult> Department(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "department")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) =>
            department.RenderAsync(request.Query["year"], request.Query["department"], caller, member, cancellationToken), cancellationToken);

    /// <summary>全区总览, for the district office.</summary>
    [Function("OverviewPage")]
    public Task<IActionResult> Overview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overview")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => overview.RenderAsync(
            Query(request, "year"), caller, member, cancellationToken,
            (Query(request, "chased"), Query(request, "outcome")), Query(request, "publication"), Query(request, "department"),
            (Query(request, "chasedAll"), Query(request, "skipped"))), cancellationToken);

    /// <summary>全区总览's 催报 list as CSV.</summary>
    [Function("OverviewChaseCsv")]
    public Task<IActionResult> ChaseCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overview/missing.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, _) => overview.CsvAsync(request.Query["year"], caller, cancellationToken), cancellationToken);

    /// <summary>成员管理, for district-office administrators.</summary>
    [Function("MembersPage")]
    public Task<IActionResult> Members(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/members")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => members.RenderAsync(request.Query, caller, member, cancellationToken), cancellationToken);

    /// <summary>Add, change or remove a member from 成员管理's forms; answered with 303 back to the page.</summary>
    [Function("MembersPagePost")]
    public Task<IActionResult> MembersPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/members")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.FormPostAsync(request, (caller, member) => members.PostAsync(request, caller, member, cancellationToken), cancellationToken);

    /// <summary>印章管理, for district-office administrators.</summary>
    [Function("SealsPage")]
    public Task<IActionResult> Seals(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/seals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => seals.RenderAsync(request.Query, caller, member, cancellationToken), cancellationToken);

    /// <summary>Upload a seal from 印章管理's form (<c>?organisation=</c>, multipart <c>file</c>); answered with 303 back to the page.</summary>
    [Function("SealsPagePost")]
    public Task<IActionResult> SealsPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/seals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.FormPostAsync(request, (caller, member) => seals.PostAsync(request, caller, member, cancellationToken), cancellationToken);

    private static string? Query(HttpRequest request, string name) => request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
