namespace Reporting.Azure.Blobs;

/// <summary>Where the public copy of published reports goes (settings <c>Publication__*</c>).</summary>
public sealed class PublicationOptions
{
    public const string Section = "Publication";

    /// <summary>
    /// The container the public site is served from: <c>$web</c>, the storage account's static website, in Azure.
    /// Azurite refuses the name <c>$web</c>, so the local host uses <c>web</c>.
    /// </summary>
    public string Container { get; set; } = "$web";

    /// <summary>
    /// Local only (Azurite): create <see cref="Container"/> with anonymous read access to its blobs, so the public copy
    /// can be opened without signing in as a static website would serve it. Never set in Azure, where the static
    /// website serves <c>$web</c> without anonymous blob access on the account.
    /// </summary>
    public bool AnonymousReadContainer { get; set; }

    /// <summary>The public site's address people are linked to (the static website's endpoint or the government site mirroring it); default: the container's
    /// blob URL.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
