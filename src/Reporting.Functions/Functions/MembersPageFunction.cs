using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Http;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Functions;

/// <summary>成员管理, for district-office administrators: the page and its own form posts.</summary>
public sealed class MembersPageFunction(MembersPage members, BrowserRequests browser)
{
    [Function("MembersPage")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/members")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.PageAsync(request, (caller, member) => members.RenderAsync(request.Query, caller, member, cancellationToken), cancellationToken);

    /// <summary>Add, change or remove a member from the page's forms; answered with 303 back to the page.</summary>
    [Function("MembersPagePost")]
    public Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/members")] HttpRequest request,
        CancellationToken cancellationToken) =>
        browser.FormPostAsync(request, (caller, member) => members.PostAsync(request, caller, member, cancellationToken), cancellationToken);
}
