using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Azure.Storage;
using Reporting.Core.Publication;

namespace Reporting.Azure.Blobs;

/// <summary>
/// The public site as blobs in <see cref="PublicationOptions.Container"/>; only published reports are ever written here. A file's
/// stamp (the publication step it was written for) is blob metadata, listed with the blobs in one call.
/// </summary>
public class BlobPublicSite(StorageClients clients, PublicationOptions options) : IPublicSite
{
    /// <summary>The metadata key holding a file's stamp.</summary>
    public const string StampKey = "publicationstep";

    private readonly BlobContainerClient _container = clients.Blobs.GetBlobContainerClient(options.Container);

    public Uri BaseAddress { get; } = WithSlash(options.PublicBaseUrl ?? clients.Blobs.GetBlobContainerClient(options.Container).Uri);

    public virtual async Task PutAsync(string path, byte[] content, string contentType, string? stamp = null, CancellationToken cancellationToken = default)
    {
        var upload = new BlobUploadOptions
        {
            HttpHeaders = Headers(contentType),
            Metadata = stamp is null ? null : new Dictionary<string, string> { [StampKey] = stamp },
        };
        try
        {
            await _container.GetBlobClient(path).UploadAsync(new BinaryData(content), upload, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "ContainerNotFound")
        {
            // The static website not enabled yet: keep the copy (private until it is) rather than fail the publish.
            await EnsureCreatedAsync(cancellationToken);
            await _container.GetBlobClient(path).UploadAsync(new BinaryData(content), upload, cancellationToken);
        }
    }

    public virtual async Task<bool> PutIfAbsentAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken = default)
    {
        var upload = new BlobUploadOptions
        {
            HttpHeaders = Headers(contentType),
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await _container.GetBlobClient(path).UploadAsync(new BinaryData(content), upload, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "ContainerNotFound")
        {
            await EnsureCreatedAsync(cancellationToken);
            return await PutIfAbsentAsync(path, content, contentType, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // BlobAlreadyExists (or the condition failed): someone wrote it first, and theirs stays.
            return false;
        }
    }

    public virtual async Task<IReadOnlyDictionary<string, string?>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
                files[blob.Name] = blob.Metadata.TryGetValue(StampKey, out var stamp) ? stamp : null;
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "ContainerNotFound")
        {
            // No container yet, so no file.
        }
        return files;
    }

    public virtual async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await _container.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container, so no file: nothing to remove.
        }
    }

    /// <summary>Creates the container; with anonymous read access to its blobs only when <see cref="PublicationOptions.AnonymousReadContainer"/>
    /// (Azurite).</summary>
    public virtual async Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _container.CreateIfNotExistsAsync(options.AnonymousReadContainer ? PublicAccessType.Blob : PublicAccessType.None,
            cancellationToken: cancellationToken);

    /// <summary>Short caching: a withdrawal must not linger in browsers or a mirror for long.</summary>
    private static BlobHttpHeaders Headers(string contentType) => new() { ContentType = contentType, CacheControl = "public, max-age=300" };

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
