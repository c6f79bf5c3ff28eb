using Azure;
using Azure.Data.Tables;
using Reporting.Azure.Storage;
using Reporting.Core.Verification;

namespace Reporting.Azure.Tables;

/// <summary>
/// The pdfhashes table: PartitionKey the lowercase hex SHA-256 of a stored PDF, RowKey empty, a row per PDF. Rows are
/// only ever added (the first write of a hash wins), so a retried store leaves the row as it was.
/// </summary>
public class TablePdfHashIndex(StorageClients clients) : IPdfHashIndex
{
    private const string Row = "";
    private readonly TableClient _table = clients.Table(clients.Options.PdfHashesTable);

    public virtual async Task RecordAsync(PdfFingerprint fingerprint, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(fingerprint.Sha256, Row)
        {
            ["Year"] = fingerprint.Year,
            ["Department"] = fingerprint.Department,
            ["Version"] = fingerprint.Version,
            ["BlobName"] = fingerprint.BlobName,
            ["Length"] = fingerprint.Length,
            ["MadeAt"] = fingerprint.MadeAt,
            ["Signer"] = fingerprint.Signer,
            ["SignedAt"] = fingerprint.SignedAt,
        };
        try
        {
            await _table.AddCreatingTableAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Filed already: a retry of the step that stored this PDF.
        }
    }

    public virtual async Task<PdfFingerprint?> FindAsync(string sha256, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(sha256, Row, cancellationToken: cancellationToken);
            if (!response.HasValue) return null;
            var e = response.Value!;
            return new PdfFingerprint(e.PartitionKey, e.GetInt32("Year") ?? 0, e.GetString("Department"), e.GetInt32("Version") ?? 0,
                e.GetString("BlobName") ?? "", e.GetInt64("Length") ?? 0, e.GetDateTimeOffset("MadeAt") ?? DateTimeOffset.MinValue)
            {
                Signer = e.GetString("Signer"),
                SignedAt = e.GetDateTimeOffset("SignedAt"),
            };
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            return null; // nothing stored yet since the table came: no PDF to find
        }
    }
}
