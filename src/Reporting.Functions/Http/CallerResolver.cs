using Microsoft.AspNetCore.Http;
using Reporting.Core.Workflow;

namespace Reporting.Functions.Http;

/// <summary>
/// The one place that decides who is calling. Today the caller names themselves in the form
/// (author / reviewer); access control will read the signed-in principal here instead.
/// </summary>
public class CallerResolver
{
    public virtual Caller Resolve(HttpRequest request, string? claimedName) => new((claimedName ?? "").Trim());
}
