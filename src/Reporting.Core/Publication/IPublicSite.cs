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
    /// <param name="stamp">which step of the report's publication record the file was written for (kept with it, read back by <see cref="ListAsync"/>).</param>
    Task PutAsync(string path, byte[] content, string contentType, string? stamp = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the file only when there is none at <paramref name="path"/> (one conditional write, so a file written meanwhile is kept).
    /// Returns whether it wrote.
    /// </summary>
    Task<bool> PutIfAbsentAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The files under <paramref name="prefix"/> (<c>2023/</c>), each with the stamp it was written with (null: none).</summary>
    Task<IReadOnlyDictionary<string, string?>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file; a file already gone is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);
}
