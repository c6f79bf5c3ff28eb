namespace Reporting.Core.Publication;

/// <summary>
/// The public location a government website links to or mirrors: files anyone may read without signing in. Only
/// <see cref="ReportPublisher"/> writes here, and only what is published.
/// </summary>
public interface IPublicSite
{
    /// <summary>Where people reach the files (a page's link to <c>{year}/{department}.html</c> is this plus the path).</summary>
    Uri BaseAddress { get; }

    /// <summary>Writes (or overwrites) the file at <paramref name="path"/> (see <see cref="PublicPaths"/>).</summary>
    Task PutAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file; a file already gone is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);
}
