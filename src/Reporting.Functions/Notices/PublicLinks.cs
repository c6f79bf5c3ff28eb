namespace Reporting.Functions.Notices;

/// <summary>
/// Absolute URLs for links people click outside the app (e-mails): Reporting__PublicBaseUrl, or on the local host the
/// address it listens on (known only once it has started), or http://127.0.0.1:7071.
/// </summary>
public sealed class PublicLinks(string? configuredBase)
{
    public const string LocalDefault = "http://127.0.0.1:7071";

    private string? _localAddress;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuredBase);

    /// <summary>The local host tells its real address (tests bind port 0) when no public base URL is configured.</summary>
    public void UseLocalAddress(Uri address) => _localAddress = address.GetLeftPart(UriPartial.Authority);

    public string Base => (IsConfigured ? configuredBase! : _localAddress ?? LocalDefault).TrimEnd('/');

    /// <summary><paramref name="path"/> as <see cref="Http.Routes"/> builds it (it starts with the route prefix).</summary>
    public Uri Absolute(string path) => new(Base + path);
}
