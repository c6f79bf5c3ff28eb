using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.Core.Seals;

namespace Reporting.Azure.Blobs;

/// <summary>
/// Seal images in the reports container as seals/{organisation}/v{n}.png, each created with If-None-Match: * and never
/// overwritten. The SHA-256 and the uploader travel in the blob's metadata (names percent-encoded: metadata is ASCII),
/// so a repeated upload of the newest image stores nothing and the page can say who uploaded each version. Two uploads
/// at once both land: the one that loses a version number takes the next.
/// </summary>
public sealed class BlobSealStore(StorageClients clients) : ISealStore
{
    /// <summary>Races lost in a row before giving up; each loss means another upload stored a version meanwhile.</summary>
    private const int MaxAttempts = 8;

    public const string Prefix = "seals/";

    public static string BlobName(string organisation, int version) => $"{Prefix}{organisation}/v{version}.png";

    private BlobContainerClient Container => clients.Blobs.GetBlobContainerClient(clients.Options.ReportsContainer);

    public async Task<StoredSeal> AddAsync(string organisation, byte[] png, Caller uploadedBy, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var newest = await FindNewestAsync(organisation, cancellationToken);
            if (newest is not null && newest.Sha256 == sha) return newest;
            var version = (newest?.Version ?? 0) + 1;
            var options = new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" },
                Metadata = new Dictionary<string, string>
                {
                    ["sha256"] = sha,
                    ["uploadedbyid"] = Uri.EscapeDataString(uploadedBy.Id),
                    ["uploadedbyname"] = Uri.EscapeDataString(uploadedBy.Name),
                },
            };
            try
            {
                var response = await Container.GetBlobClient(BlobName(organisation, version)).UploadAsync(new BinaryData(png), options, cancellationToken);
                return new StoredSeal(organisation, version, sha, png.Length, response.Value.LastModified, uploadedBy, Created: true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another upload took this version number first: look again (it may even be this same image).
            }
        }
        throw new InvalidOperationException($"Seal of {organisation}: no free version number after {MaxAttempts} attempts.");
    }

    public async Task<StoredSeal?> FindNewestAsync(string organisation, CancellationToken cancellationToken = default)
    {
        StoredSeal? newest = null;
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{Prefix}{organisation}/", cancellationToken))
        {
            if (VersionOf(blob.Name) is not { } version || newest is not null && newest.Version >= version) continue;
            newest = Describe(organisation, version, blob.Metadata, blob.Properties.ContentLength ?? 0,
                blob.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
        return newest;
    }

    public async Task<SealFile?> ReadAsync(string organisation, int? version = null, CancellationToken cancellationToken = default)
    {
        var number = version ?? (await FindNewestAsync(organisation, cancellationToken))?.Version;
        if (number is not { } n) return null;
        try
        {
            var content = (await Container.GetBlobClient(BlobName(organisation, n)).DownloadContentAsync(cancellationToken)).Value;
            var png = content.Content.ToArray();
            return new SealFile(Describe(organisation, n, content.Details.Metadata, png.Length, content.Details.LastModified), png);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>v12.png → 12; anything else under the prefix (there should be nothing) is not a version.</summary>
    private static int? VersionOf(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.Length > 5 && file[0] == 'v' && file.EndsWith(".png", StringComparison.Ordinal)
            && int.TryParse(file[1..^4], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
    }

    private static StoredSeal Describe(string organisation, int version, IDictionary<string, string> metadata, long length, DateTimeOffset storedAt)
    {
        var id = metadata.TryGetValue("uploadedbyid", out var i) ? Uri.UnescapeDataString(i) : "";
        var name = metadata.TryGetValue("uploadedbyname", out var n) ? Uri.UnescapeDataString(n) : id;
        return new StoredSeal(organisation, version, metadata.TryGetValue("sha256", out var sha) ? sha : "", length, storedAt, new Caller(id, name));
    }
}
