using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Reporting.Azure.Storage;
using Reporting.Core.ReportAssembly;

namespace Reporting.Azure.Blobs;

/// <summary>
/// PDFs and their OFD twins in Blob Storage. Names are "{container}/{path}". A file is created with If-None-Match: * and never
/// overwritten; its hash and page count travel in the blob's metadata so a retry can read them back.
/// </summary>
public class BlobPdfStore(StorageClients clients, TimeProvider clock) : IPdfStore
{
    private readonly UserDelegationKeyCache _delegationKeys = new(clients.Blobs, clock);

    public virtual Task<StoredPdf> CreateAsync(string name, RenderedPdf pdf, string downloadFileName, CancellationToken cancellationToken = default) =>
        UploadOnceAsync(name, new MemoryStream(pdf.Content, writable: false), pdf.Content.Length, pdf.Sha256, pdf.PageCount, downloadFileName,
            cancellationToken);

    public virtual Task<StoredPdf> CreateAsync(string name, Stream content, string sha256, int pageCount, string downloadFileName,
        CancellationToken cancellationToken = default) =>
        UploadOnceAsync(name, content, content.Length, sha256, pageCount, downloadFileName, cancellationToken);

    private async Task<StoredPdf> UploadOnceAsync(string name, Stream content, long length, string sha, int pages, string downloadFileName,
        CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(name), ContentDisposition = ContentDisposition.Attachment(downloadFileName) },
            Metadata = new Dictionary<string, string> { ["sha256"] = sha, ["pages"] = pages.ToString() },
        };
        try
        {
            await Blob(name).UploadAsync(content, options, cancellationToken);
            return new StoredPdf(name, sha, pages, length, true);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return await FindAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Blob {name} exists but cannot be read.", e);
        }
    }

    public virtual async Task<StoredPdf?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = (await Blob(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new StoredPdf(name, (properties.Metadata.TryGetValue("sha256", out var sha) ? sha : null) ?? "",
                int.TryParse(properties.Metadata.TryGetValue("pages", out var p) ? p : null, out var pages) ? pages : 0, properties.ContentLength, false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public virtual async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken = default) =>
        (await Blob(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    public virtual async Task<Uri> GetReadLinkAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var blob = Blob(name);
        var now = clock.GetUtcNow();
        // A little slack before "now" tolerates clock skew between this machine and the service.
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now.AddMinutes(-5),
            Protocol = blob.Uri.Scheme == "https" ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        // Signed in with an identity (no account key): sign with a user-delegation key instead.
        var key = await _delegationKeys.GetAsync(now + lifetime, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, clients.Blobs.AccountName) }.ToUri();
    }

    /// <summary>An OFD twin is served as OFD (readers such as 数科 open it by type), everything else as PDF.</summary>
    private static string ContentTypeOf(string name) =>
        name.EndsWith(OfdTwin.Extension, StringComparison.Ordinal) ? OfdTwin.ContentType : "application/pdf";

    private BlobClient Blob(string name)
    {
        var slash = name.IndexOf('/');
        if (slash <= 0) throw new ArgumentException($"Blob name '{name}' has no container.", nameof(name));
        return clients.Blobs.GetBlobContainerClient(name[..slash]).GetBlobClient(name[(slash + 1)..]);
    }
}
