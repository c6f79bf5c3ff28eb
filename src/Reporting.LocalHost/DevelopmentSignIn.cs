using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Development.Identity;
using Reporting.Functions.Identity;

namespace Reporting.LocalHost;

/// <summary>
/// The local host's stand-in for Entra ID: the development users of the directory file, a cookie whose value is the
/// user id protected with ASP.NET Core Data Protection (HttpOnly, SameSite=Lax), and the X-Dev-User header for API clients.
/// Keys are ephemeral: a restart signs everybody out, which is all a development machine needs.
/// The local host registers it as the Functions app's <see cref="ILocalSignIn"/> (<see cref="DevelopmentIdentity"/>).
/// </summary>
public sealed class DevelopmentSignIn : ILocalSignIn
{
    public const string CookieName = "reporting-dev-user";
    public const string HeaderName = "X-Dev-User";
    private readonly IDataProtector _protector;
    private readonly Dictionary<string, DevelopmentUsers.User> _users;

    public DevelopmentSignIn(DistrictDirectory directory, IDataProtectionProvider protection)
    {
        Users = DevelopmentUsers.For(directory);
        _users = Users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _protector = protection.CreateProtector("Reporting.DevelopmentSignIn.v1");
    }

    public IReadOnlyList<DevelopmentUsers.User> Users { get; }

    string ILocalSignIn.HeaderName => HeaderName;

    public DevelopmentUsers.User? Find(string id) => _users.GetValueOrDefault(id);

    public string? NameOf(string userId) => Find(userId)?.Name;

    /// <summary>
    /// The caller a request names (header first, then cookie), or null. Any well-formed id is accepted so members added
    /// through the API can be tried; unknown ids have no rights.
    /// </summary>
    public Caller? Resolve(HttpRequest request)
    {
        if (!IsLoopback(request.HttpContext)) return null;
        var id = request.Headers[HeaderName].ToString().Trim();
        if (id.Length == 0 && request.Cookies.TryGetValue(CookieName, out var cookie)) id = Unprotect(cookie) ?? "";
        if (!Membership.IsUserId(id)) return null;
        return new Caller(id, Find(id)?.Name ?? id);
    }

    public void SignIn(HttpResponse response, string id) => response.Cookies.Append(CookieName, _protector.Protect(id), new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = response.HttpContext.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    });

    /// <summary>Forgets the browser's development sign-in (the cookie, as <see cref="SignIn"/> set it).</summary>
    public static void SignOut(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    private string? Unprotect(string value)
    {
        try { return _protector.Unprotect(value); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address);
}
