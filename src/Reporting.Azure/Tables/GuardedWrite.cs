using Azure;
using Azure.Data.Tables;

namespace Reporting.Azure.Tables;

/// <summary>The one write of a row guarded by its ETag: of two writers, the one whose copy is stale learns it and changes nothing.</summary>
internal static class GuardedWrite
{
    /// <summary>
    /// Inserts <paramref name="entity"/> when <paramref name="etag"/> is null, otherwise replaces it if the stored ETag still
    /// matches. Returns the row's new ETag, or null when it exists already (insert), changed meanwhile or is gone (replace).
    /// </summary>
    public static async Task<string?> TryAddOrReplaceAsync(this TableClient table, ITableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = etag is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag!.Value.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }
}
