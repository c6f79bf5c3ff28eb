using Microsoft.AspNetCore.Http;
using Reporting.Core.Access;

namespace Reporting.Functions.Identity;

/// <summary>
/// The seam a host without App Service Authentication fills with its own sign-in: Reporting.LocalHost registers its
/// development sign-in here; the Functions app registers none, so in Azure nothing but the platform's principal names a caller.
/// </summary>
public interface ILocalSignIn
{
    /// <summary>The request header an API client names itself with; the 401 answer tells callers about it.</summary>
    string HeaderName { get; }

    /// <summary>The caller <paramref name="request"/> names, or null (nobody signed in).</summary>
    Caller? Resolve(HttpRequest request);

    /// <summary>The display name of a user this sign-in knows (成员管理 shows it beside the id), or null.</summary>
    string? NameOf(string userId);
}
