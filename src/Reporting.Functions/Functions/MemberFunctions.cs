using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Requests;

namespace Reporting.Functions.Functions;

/// <summary>Membership, for district-office administrators: who belongs to which department in which role.</summary>
public sealed class MemberFunctions(MemberAdministration members, CallerResolver callers, DistrictDirectory directory)
{
    [Function("ListMembers")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResult.JsonBody((await members.ListAsync(callers.Resolve(request), cancellationToken)).Select(MemberJson.From).ToList());

    [Function("GetMember")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/{userId}")] HttpRequest request,
        string userId, CancellationToken cancellationToken) =>
        ApiResult.JsonBody(MemberJson.From(await members.GetAsync(MemberBinder.Id(userId), callers.Resolve(request), cancellationToken)));

    /// <summary>Fields <c>role</c> (author, approver, office, office-admin), for department roles <c>department</c>, and optionally <c>email</c> (for
    /// reminders); JSON or form. An If-Match header guards against a concurrent change (409).</summary>
    [Function("PutMember")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "members/{userId}")] HttpRequest request,
        string userId, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var fields = await RequestFieldsReader.ReadAsync(request, JsonFields.Member, cancellationToken);
        var ifMatch = request.Headers.IfMatch.ToString();
        var command = MemberBinder.Put(userId, fields["role"], fields["department"], fields["email"], ifMatch.Length == 0 ? null : ifMatch, directory);
        var saved = await members.PutAsync(command, caller, cancellationToken);
        return ApiResult.JsonBody(MemberJson.From(saved));
    }

    /// <summary>An If-Match header removes the member only while it still has that ETag (409 otherwise).</summary>
    [Function("DeleteMember")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "members/{userId}")] HttpRequest request,
        string userId, CancellationToken cancellationToken)
    {
        var caller = callers.Resolve(request);
        var ifMatch = MemberBinder.ETag(request.Headers.IfMatch.ToString());
        await members.DeleteAsync(MemberBinder.Id(userId), caller, cancellationToken, ifMatch);
        return ApiResult.NoContent();
    }
}
