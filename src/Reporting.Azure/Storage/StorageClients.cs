using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Reporting.Core.Queues;

namespace Reporting.Azure.Storage;

/// <summary>Builds the SDK clients once from <see cref="StorageOptions"/>; everything else borrows them.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        Options = options;
        // Azurite 3.37 rejects the newest service versions; pinning keeps one code path for Azurite and Azure.
        var blobOptions = Bounded(new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_01_05), options, options.BlobNetworkTimeout);
        var queueOptions = Bounded(new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_01_05) { MessageEncoding = QueueMessageEncoding.Base64 },
            options, options.NetworkTimeout);
        var rawQueueOptions = Bounded(new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_01_05), options, options.NetworkTimeout);
        var tableOptions = Bounded(new TableClientOptions(), options, options.NetworkTimeout);
        var queryOptions = Bounded(new TableClientOptions(), options, options.QueryNetworkTimeout);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            RawQueues = new QueueServiceClient(options.ConnectionString, rawQueueOptions);
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            QueryTables = new TableServiceClient(options.ConnectionString, queryOptions);
        }
        else
        {
            if (options.BlobServiceUri is null || options.QueueServiceUri is null || options.TableServiceUri is null)
                throw new InvalidOperationException(
                    "未配置存储：请设置 AzureWebJobsStorage（连接字符串），或 AzureWebJobsStorage__blobServiceUri、__queueServiceUri 和 __tableServiceUri。");
            TokenCredential credential = options.ClientId is { Length: > 0 } id
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(id))
                : new DefaultAzureCredential();
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri, credential, queueOptions);
            RawQueues = new QueueServiceClient(options.QueueServiceUri, credential, rawQueueOptions);
            Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            QueryTables = new TableServiceClient(options.TableServiceUri, credential, queryOptions);
        }
    }

    private static T Bounded<T>(T client, StorageOptions options, TimeSpan networkTimeout) where T : ClientOptions
    {
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Delay = options.RetryDelay;
        client.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        client.Retry.NetworkTimeout = networkTimeout;
        client.AddPolicy(new StorageFaultPolicy(), HttpPipelinePosition.PerCall);
        return client;
    }

    public StorageOptions Options { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    /// <summary>
    /// The same queues without the Base64 codec, message text as stored: a listener decodes each message itself, so
    /// one that is not Base64 is poisoned alone instead of failing its batch; the poison replay moves messages verbatim.
    /// </summary>
    public QueueServiceClient RawQueues { get; }
    public TableServiceClient Tables { get; }

    /// <summary>
    /// The same tables for queries, each try allowed <see cref="StorageOptions.QueryNetworkTimeout"/>: a point read or
    /// write is answered in milliseconds unless storage is gone, a query over a year waits its turn when many run at once.
    /// </summary>
    public TableServiceClient QueryTables { get; }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>A table for queries (see <see cref="QueryTables"/>).</summary>
    public TableClient QueryTable(string name) => QueryTables.GetTableClient(name);

    /// <summary>Creates every table, container and queue (with its poison queue) the app uses. Idempotent.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in new[]
        {
            Options.DraftsTable, Options.ReportsTable, Options.AuditTable, Options.OutboxTable, Options.YearEndTable, Options.MembersTable,
            Options.PublicationsTable, Options.PdfHashesTable, Options.TimerRunsTable, Options.SignInsTable, Options.ChasesTable,
        })
            await Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        await Blobs.GetBlobContainerClient(Options.ReportsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var queue in new[] { Options.AssemblyQueue, Options.NotificationQueue, Options.YearEndQueue })
        {
            await Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Queues.GetQueueClient(queue + QueueNames.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
