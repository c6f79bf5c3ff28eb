using Reporting.Azure.Storage;
using Reporting.Development.Emulator;
using Xunit;

namespace Reporting.TestSupport;

/// <summary>One in-memory Azurite per test collection, on free loopback ports; the real emulator, not a fake.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite not started.");

    /// <summary>Clients over a fresh set of table, container and queue names, so tests sharing one Azurite do not see each other.</summary>
    public async Task<StorageClients> CreateIsolatedClientsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var clients = new StorageClients(new StorageOptions
        {
            ConnectionString = ConnectionString,
            ReportsContainer = "reports" + suffix,
            DraftsTable = "drafts" + suffix,
            ReportsTable = "reports" + suffix,
            AuditTable = "audit" + suffix,
            OutboxTable = "outbox" + suffix,
            YearEndTable = "yearend" + suffix,
            PublicationsTable = "publications" + suffix,
            PdfHashesTable = "pdfhashes" + suffix,
            SignInsTable = "signins" + suffix,
            ChasesTable = "chases" + suffix,
            AssemblyQueue = "assembly-" + suffix,
            NotificationQueue = "notify-" + suffix,
            YearEndQueue = "yearend-" + suffix,
        });
        await clients.EnsureCreatedAsync();
        return clients;
    }

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
