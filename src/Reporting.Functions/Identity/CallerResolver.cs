using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Identity;

/// <summary>
/// The one place that decides who is calling. In Azure: the principal App Service Authentication hands the app in
/// X-MS-CLIENT-PRINCIPAL (believed only when the app runs behind it). On the local host: the sign-in it registers as
/// <see cref="ILocalSignIn"/> (its development sign-in; Azure registers none).
/// Also refuses state-changing requests a browser sent from another site (CSRF), before anything reads the body.
/// </summary>
public class CallerResolver(IdentityOptions options, Routes routes, ILocalSignIn? localSignIn = null)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const int MaxNameLength = 100;
    private static readonly string[] EmailClaims =
        ["email", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "preferred_username", "upn",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"];

    /// <summary>The signed-in caller, or 401 problem+json; 403 for a cross-site state-changing request.</summary>
    public virtual Caller Resolve(HttpRequest request)
    {
        RefuseCrossSite(request);
        return TryResolve(request) ?? throw (LocalSignIn is { } local
            ? ReportingException.Unauthorized(EdgeRefusalCode.SignInRequiredDevelopment, routes.SignIn(), local.HeaderName)
            : ReportingException.Unauthorized(EdgeRefusalCode.SignInRequired));
    }

    public virtual Caller? TryResolve(HttpRequest request)
    {
        var caller = options.AppServiceAuthentication ? FromPrincipal(request.Headers[PrincipalHeader].ToString()) : LocalSignIn?.Resolve(request);
        // Noted for SignInRecordingMiddleware, which records the person once the function is done (not on every request).
        if (caller is not null) request.HttpContext.Items[ResolvedCallerKey] = caller;
        return caller;
    }

    /// <summary>The caller resolved during this request, if any was.</summary>
    public static Caller? ResolvedIn(HttpContext context) => context.Items.TryGetValue(ResolvedCallerKey, out var caller) ? caller as Caller : null;

    private static readonly object ResolvedCallerKey = new();

    /// <summary>Where a page sends someone who is not signed in, coming back to <paramref name="returnPath"/> afterwards.</summary>
    public virtual string SignInUrl(string returnPath) => LocalSignIn is not null
        ? routes.SignIn(returnPath)
        : "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(returnPath);

    /// <summary>Where 退出登录 leads: the host's own sign-out (back to its sign-in page), or App Service's, back to 我的待办 (which asks to sign in).</summary>
    public virtual string SignOutUrl() => LocalSignIn is not null
        ? routes.SignOut()
        : "/.auth/logout?post_logout_redirect_uri=" + Uri.EscapeDataString(routes.Todo());

    /// <summary>The host's own sign-in, asked only where App Service Authentication does not front the app.</summary>
    private ILocalSignIn? LocalSignIn => options.AppServiceAuthentication ? null : localSignIn;

    /// <summary>
    /// Browsers say where a request comes from (Sec-Fetch-Site, Origin); a state-changing one from another site rides on
    /// the victim's cookie and is refused. Clients that send neither header (curl, programs) are not browsers.
    /// </summary>
    public void RefuseCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
            throw ReportingException.Forbidden(EdgeRefusalCode.CrossSiteRefused);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var parsed)
            && OwnHosts(request).Contains(parsed.Authority, StringComparer.OrdinalIgnoreCase)))
            throw ReportingException.Forbidden(EdgeRefusalCode.ForeignOriginRefused, origin.Length > 100 ? origin[..100] : origin);
    }

    /// <summary>
    /// This app's host as the browser named it: the Host header, or the one the front end and the Functions host's proxy
    /// passed on (a cross-site form cannot set these headers), or the configured public address.
    /// </summary>
    private IEnumerable<string> OwnHosts(HttpRequest request)
    {
        yield return request.Host.Value ?? "";
        foreach (var forwarded in request.Headers["X-Forwarded-Host"].Concat(request.Headers["DISGUISED-HOST"]))
            if (!string.IsNullOrEmpty(forwarded)) yield return forwarded.Split(',')[0].Trim();
        if (options.PublicHost is { } host) yield return host;
    }

    /// <summary>Base64 JSON: auth_typ, claims [{typ, val}], name_typ, role_typ. Unreadable means not signed in.</summary>
    private static Caller? FromPrincipal(string header)
    {
        if (header.Length == 0) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            if (!json.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var claim in claims.EnumerateArray())
                if (claim.TryGetProperty("typ", out var typ) && claim.TryGetProperty("val", out var val) && typ.GetString() is { } t
                    && val.GetString() is { } v)
                    values.TryAdd(t, v);
            var id = values.GetValueOrDefault(ObjectIdClaim) ?? values.GetValueOrDefault("oid");
            if (string.IsNullOrWhiteSpace(id)) return null;
            var name = values.GetValueOrDefault("name") ?? values.GetValueOrDefault("preferred_username") ?? id;
            // Recorded with a draft so its author can be sent a 退回通知: the first claim that is an e-mail address.
            var email = EmailClaims.Select(values.GetValueOrDefault).FirstOrDefault(v => System.Net.Mail.MailAddress.TryCreate(v, out _));
            return new Caller(id.Trim(), CleanName(name), email);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A display name is printed in documents and pages: control characters go, and it stays short.</summary>
    private static string CleanName(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.Trim().EnumerateRunes())
            if (!Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.Format) clean.Append(rune.ToString());
        var text = clean.ToString();
        return text.Length > MaxNameLength ? text[..MaxNameLength] : text;
    }
}
