using Azure;
using Azure.Data.Tables;

namespace Reporting.Azure.Tables;

/// <summary>Tables added after a deployment was first provisioned come into being with their first row.</summary>
internal static class TableCreation
{
    /// <summary>Adds <paramref name="entity"/>, creating the table first when it does not exist yet (infrastructure older than the table).</summary>
    public static async Task AddCreatingTableAsync(this TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == "TableNotFound")
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            await table.AddEntityAsync(entity, cancellationToken);
        }
    }
}
