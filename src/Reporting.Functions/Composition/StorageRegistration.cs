using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Blobs;
using Reporting.Azure.Health;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Calendar;
using Reporting.Core.Drafts;
using Reporting.Core.Health;
using Reporting.Core.Notices;
using Reporting.Core.Publication;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Seals;
using Reporting.Core.Verification;
using Reporting.Core.YearEnd;
using Reporting.Functions.Http;

namespace Reporting.Functions.Composition;

/// <summary>Storage: the SDK clients and every adapter behind Core's ports (tables, blobs, queues, health).</summary>
internal static class StorageRegistration
{
    /// <returns>Where storage is, or null when the setting is wrong (the check has recorded why).</returns>
    public static StorageOptions? AddReportingStorage(this IServiceCollection services, IConfiguration configuration, SettingsCheck check)
    {
        var storage = check.Read(AppSettingNames.StorageConnection, "存储账户", () =>
        {
            var options = ReportingServices.ReadStorageOptions(configuration);
            _ = new StorageClients(options);  // parses the connection string or URIs; no network call
            return options;
        });
        if (storage is null) return null;
        services.AddSingleton(storage);
        services.AddSingleton<StorageClients>();
        services.AddSingleton(sp => new PdfLinkOrigin(sp.GetRequiredService<StorageClients>().Blobs.Uri.GetLeftPart(UriPartial.Authority)));

        services.AddSingleton<IDraftRepository, TableDraftRepository>();
        services.AddSingleton<IReportRepository, TableReportRepository>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<INotificationOutbox, TableNotificationOutbox>();
        services.AddSingleton<IVolumeLedgerRepository, TableVolumeLedgerRepository>();
        services.AddSingleton<IYearEndRequestRepository, TableYearEndRequestRepository>();
        services.AddSingleton<IChaseRecordRepository, TableChaseRecordRepository>();
        services.AddSingleton<TableMemberRepository>();
        // Every request looks its caller up: read through a 10 s cache (CachedMemberRepository says what that means for changes).
        services.AddSingleton<IMemberRepository>(sp =>
            new CachedMemberRepository(sp.GetRequiredService<TableMemberRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISignInRegister, TableSignInRegister>();
        services.AddSingleton<IPdfStore, BlobPdfStore>();
        services.AddSingleton<ISealStore, BlobSealStore>();
        services.AddSingleton<IPdfHashIndex, TablePdfHashIndex>();
        services.AddSingleton<IPublicationRepository, TablePublicationRepository>();
        services.AddSingleton<BlobPublicSite>();
        services.AddSingleton<IPublicSite>(sp => sp.GetRequiredService<BlobPublicSite>());
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<IWorkMessageReader, QueueEnvelopeReader>();
        services.AddSingleton<TableTimerRuns>();
        services.AddSingleton<ITimerRuns>(sp => sp.GetRequiredService<TableTimerRuns>());
        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        return storage;
    }
}
