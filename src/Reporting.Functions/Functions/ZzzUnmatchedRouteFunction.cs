using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Functions;

/// <summary>
/// Every request no other function takes: an unknown path is 404 and a known path asked with the wrong method
/// is 405, both as zh-CN problem+json through the app's own middleware instead of the host's empty answer.
/// </summary>
public sealed class UnmatchedRouteFunction
{
    /// <summary>
    /// The Functions host maps routes in the order of its function list and takes the first match (it does not rank
    /// a catch-all below literal routes the way ASP.NET Core does). That list is reported sorted by name, and
    /// functions.metadata follows source-file order, so both this name and this file's name (Zzz…) sort last.
    /// </summary>
    public const string Name = "ZzzUnmatchedRoute";

    private static readonly HttpRouteTable Routes = HttpRouteTable.Of(typeof(UnmatchedRouteFunction).Assembly, Name);

    [Function(Name)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "head", "options", Route = "{*path}")] HttpRequest request,
        string? path)
    {
        var allowed = Routes.MethodsFor(path ?? "");
        if (allowed.Count > 0) throw new MethodNotAllowedException(request.Method, allowed);
        throw ReportingException.NotFound(EdgeRefusalCode.RouteNotFound);
    }
}
