using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Identity;

/// <summary>
/// Where the development sign-in may send a browser afterwards: a path of this site, and nothing a browser could read as
/// another site. Browsers drop tabs and line breaks from a URL and read "\" as "/", so "/\t/host" and "/\host" both
/// become "//host"; rather than mimic that, a return URL may hold only the characters a URL is made of (RFC 3986:
/// letters, digits, -._~, the reserved delimiters and %-escapes) and must not begin with "//". Anything else is a 400.
/// </summary>
public static class LocalReturnPath
{
    public const int MaxLength = 2048;
    private const string Delimiters = "-._~:/?#[]@!$&'()*+,;=%";

    /// <summary><paramref name="value"/> when it is a local path, null when it is absent; a 400 naming returnUrl otherwise.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        return IsLocal(value) ? value
            : throw ReportingException.Invalid("returnUrl", EdgeRefusalCode.ReturnUrlNotLocal);
    }

    public static bool IsLocal(string value) =>
        value.Length is > 0 and <= MaxLength && value[0] == '/' && !value.StartsWith("//", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterOrDigit(c) || Delimiters.Contains(c));
}
