using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Blobs;
using Reporting.Azure.Health;
using Reporting.Azure.Notifications;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Azure.Tables;
using Reporting.Core.Abstractions;
using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Directory;
using Reporting.Core.Health;
using Reporting.Core.Publication;
using Reporting.Core.Seals;
using Reporting.Core.Verification;
using Reporting.Core.Workflow;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Settings;
using Reporting.Functions.Signing;
using Reporting.Typesetting;
using Reporting.Typesetting.Signing;

namespace Reporting.Functions;

/// <summary>
/// The app's composition, shared by the Functions host (Program.cs) and Reporting.LocalHost so both run
/// the same objects. Everything is a singleton: the workflows are stateless and the SDK clients are meant to be shared.
/// </summary>
public static class ReportingServices
{
    /// <exception cref="InvalidSettingsException">a setting is wrong (checked here, at start-up, all at once).</exception>
    /// <param name="developmentSignIn">Only the local host passes true: callers may then name themselves (X-Dev-User, the dev cookie).</param>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration, bool developmentSignIn = false)
    {
        var identity = IdentityOptions.From(configuration, developmentSignIn);
        var check = new SettingsCheck();
        var storage = check.Read(AppSettingNames.StorageConnection, "存储账户", () =>
        {
            var options = ReadStorageOptions(configuration);
            _ = new StorageClients(options);  // parses the connection string or URIs; no network call
            return options;
        });
        var directoryFile = configuration[Key(AppSettingNames.DirectoryFile)] is { Length: > 0 } file ? file : Path.Combine(AppContext.BaseDirectory, "departments.json");
        var directory = check.Read(AppSettingNames.DirectoryFile, "部门名录 " + directoryFile,
            () => DistrictDirectoryJson.Load(directoryFile, configuration[Key(AppSettingNames.OfficeEmail)]));
        var reporting = check.Read(ReportingOptions.Section, "流程设置", () => Bind<ReportingOptions>(configuration, ReportingOptions.Section));
        var mail = check.Read("Smtp", "邮件设置", () => Bind<MailOptions>(configuration, "Smtp"));
        if (mail is not null)
        {
            check.Require(mail.SecurityIsKnown, AppSettingNames.SmtpSecurity,
                $"“{mail.Security}”不是可用的加密方式，可选：None、StartTls、SslOnConnect、Auto");
            check.Require(mail.Port is > 0 and <= 65535, AppSettingNames.SmtpPort, $"端口 {mail.Port} 须在 1 至 65535 之间");
            check.Require(mail.Timeout > TimeSpan.Zero, AppSettingNames.SmtpTimeout, $"超时 {mail.Timeout} 须为正的时间间隔（如 00:00:15）");
            if (configuration[Key(AppSettingNames.MailDropFolder)] is { Length: > 0 } drop) mail.DropFolder = drop;
        }
        var notifications = check.Read(AppSettingNames.NotificationRetrySchedule, "通知重试间隔",
            () => Bind<NotificationSettings>(configuration, NotificationSettings.Section).Parse());
        var calendar = check.Read(CalendarSettings.Section, "报送与公开日期",
            () => new ReportingCalendar(Bind<CalendarSettings>(configuration, CalendarSettings.Section).Parse(), reporting ?? new ReportingOptions()));
        var webhook = check.Read("Webhook", "通知网址", () => Bind<WebhookOptions>(configuration, "Webhook"));
        if (webhook is not null)
            check.Require(webhook.Timeout > TimeSpan.Zero, AppSettingNames.WebhookTimeout, $"超时 {webhook.Timeout} 须为正的时间间隔（如 00:00:15）");
        if (reporting is not null && mail is not null && webhook is not null)
        {
            // One attempt must end (at its sender's timeout) while its outbox claim holds, or a retry could overlap it.
            var longest = mail.Timeout > webhook.Timeout ? mail.Timeout : webhook.Timeout;
            check.Require(reporting.NotificationClaimLifetime >= 2 * longest,
                $"{ReportingOptions.Section}__{nameof(ReportingOptions.NotificationClaimLifetime)}",
                $"通知认领时长 {reporting.NotificationClaimLifetime} 须至少为邮件或回调超时（{longest}）的两倍，否则一次发送尚未结束，另一次重试便可能开始");
        }
        var notices = check.Read(NoticeOptions.Section, "通知邮件设置", () => Bind<NoticeOptions>(configuration, NoticeOptions.Section));
        if (notices is not null)
            check.Require(notices.AttachPdfMaxBytes > 0, AppSettingNames.MailAttachPdfMaxBytes, $"附件上限 {notices.AttachPdfMaxBytes} 须为正数（字节）");
        var publicBase = configuration[Key(AppSettingNames.PublicBaseUrl)];
        check.Require(string.IsNullOrWhiteSpace(publicBase) || System.Uri.TryCreate(publicBase, UriKind.Absolute, out var parsedBase) && parsedBase.Scheme is "http" or "https",
            AppSettingNames.PublicBaseUrl, $"“{publicBase}”不是有效的 http(s) 网址");
        var publication = check.Read(PublicationOptions.Section, "公开发布设置", () => Bind<PublicationOptions>(configuration, PublicationOptions.Section));
        if (publication is not null)
            check.Require(publication.PublicBaseUrl is null || publication.PublicBaseUrl.IsAbsoluteUri && publication.PublicBaseUrl.Scheme is "http" or "https",
                AppSettingNames.PublicationPublicBaseUrl, $"“{publication.PublicBaseUrl}”不是有效的 http(s) 网址");
        // Fonts are loaded once at start-up: a missing font file stops the app here, naming the role and the file.
        var fonts = check.Read(AppSettingNames.FontDirectory + "、Typesetting__Fonts__<角色>__File", "字体", () => FontSet.Load(Bind<TypesettingOptions>(configuration, "Typesetting")));
        var signingOptions = check.Read(SigningOptions.Section, "签名设置", () => Bind<SigningOptions>(configuration, SigningOptions.Section));
        check.Require(signingOptions?.KeyVaultUri is null || signingOptions.KeyVaultUri.IsAbsoluteUri && signingOptions.KeyVaultUri.Scheme == "https",
            AppSettingNames.SigningKeyVaultUri, $"“{signingOptions?.KeyVaultUri}”不是有效的 https 网址");
        check.Require(signingOptions?.KeyVaultUri is null || !string.IsNullOrWhiteSpace(signingOptions.CertificateName),
            AppSettingNames.SigningCertificateName, "用 Key Vault 签名时须写明证书名称");
        var signingKey = signingOptions is null || storage is null ? null
            : check.Read(AppSettingNames.SigningCertificateFile, "签名证书", () => SigningKeys.Create(signingOptions, storage, TimeProvider.System));
        check.ThrowIfAny();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(HostJsonSettings.LoadShipped());
        services.AddSingleton(storage!);
        services.AddSingleton<StorageClients>();
        services.AddSingleton(reporting!);
        services.AddSingleton(notifications!);
        services.AddSingleton(calendar!);
        services.AddSingleton(directory!);
        services.AddSingleton(mail!);
        services.AddSingleton(webhook!);
        services.AddSingleton(notices!);
        services.AddSingleton(publication!);
        services.AddSingleton(new PublicLinks(publicBase));
        services.AddSingleton<INoticeComposer, NoticeComposer>();
        services.AddSingleton<AuthorAddresses>();
        services.AddSingleton<IAuthorAddresses>(sp => sp.GetRequiredService<AuthorAddresses>());
        services.AddSingleton<IMemberAddresses, MemberAddresses>();
        services.AddHttpClient<WebhookNotificationSender>(client => client.Timeout = webhook!.Timeout);

        var typesetter = new GbtTypesetter(fonts!);
        // Every stored report and volume is signed when a key is configured (the local host always has one; Bicep sets Key Vault's).
        if (signingKey is not null)
        {
            services.AddSingleton(signingKey);
            services.AddSingleton<IReportTypesetter>(sp => new SigningTypesetter(typesetter, signingKey, sp.GetRequiredService<TimeProvider>()));
        }
        else services.AddSingleton<IReportTypesetter>(typesetter);
        services.AddSingleton<IGlyphCoverage>(typesetter);

        services.AddSingleton<IDraftRepository, TableDraftRepository>();
        services.AddSingleton<IReportRepository, TableReportRepository>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<INotificationOutbox, TableNotificationOutbox>();
        services.AddSingleton<IVolumeLedgerRepository, TableVolumeLedgerRepository>();
        services.AddSingleton<TableMemberRepository>();
        // Every request looks its caller up: read through a 10 s cache (CachedMemberRepository says what that means for changes).
        services.AddSingleton<IMemberRepository>(sp => new CachedMemberRepository(sp.GetRequiredService<TableMemberRepository>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPdfStore, BlobPdfStore>();
        services.AddSingleton<ISealStore, BlobSealStore>();
        // Reports and volumes are sealed with the newest uploaded seal; the local host decorates this with its development seal.
        services.AddSingleton<IOrganisationSeals, StoredOrganisationSeals>();
        services.AddSingleton<SealAdministration>();
        services.AddSingleton<SealsPage>();
        services.AddSingleton<IPdfHashIndex, TablePdfHashIndex>();
        services.AddSingleton<PdfVerifier>();
        services.AddSingleton<VerifyPage>();
        services.AddSingleton<IWorkQueue, StorageWorkQueue>();
        services.AddSingleton<TableTimerRuns>();
        services.AddSingleton<ITimerRuns>(sp => sp.GetRequiredService<TableTimerRuns>());
        services.AddSingleton<IHealthProbe, StorageHealthProbe>();
        services.AddSingleton<INotificationSender, EmailNotificationSender>();
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<WebhookNotificationSender>());

        services.AddSingleton<DraftSubmission>();
        services.AddSingleton<DraftReview>();
        services.AddSingleton<ReportAssembler>();
        services.AddSingleton<OnceOnlyDelivery>();
        services.AddSingleton<DistrictOfficeNotifier>();
        services.AddSingleton<RejectionNotifier>();
        services.AddSingleton<YearEndRun>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton(identity);
        services.AddSingleton(new ConfiguredMembers(ConfiguredMembers.Admins(configuration[Key(AppSettingNames.Admins)])));
        services.AddSingleton<AccessControl>();
        services.AddSingleton<MemberAdministration>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<FormPage>();
        services.AddSingleton(Routes.FromHostJson(Path.Combine(AppContext.BaseDirectory, "host.json")));
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<Words>();
        services.AddSingleton<TodoPage>();
        services.AddSingleton<DepartmentPage>();
        services.AddSingleton<RefusalPage>();
        services.AddSingleton<BrowserRequests>();
        services.AddSingleton<OverviewPage>();
        services.AddSingleton<MembersPage>();
        services.AddSingleton<DraftPage>();
        services.AddSingleton<ReviewPage>();
        services.AddSingleton<IPublicationRepository, TablePublicationRepository>();
        services.AddSingleton<BlobPublicSite>();
        services.AddSingleton<IPublicSite>(sp => sp.GetRequiredService<BlobPublicSite>());
        services.AddSingleton<IPublicPages, PublicSitePages>();
        services.AddSingleton<ReportPublisher>();
        services.AddSingleton<PublicationPage>();
        return services;
    }

    /// <summary>
    /// AzureWebJobsStorage is either a connection string or, in Azure, a section of service URIs reached
    /// with the managed identity (AzureWebJobsStorage__blobServiceUri, …, __clientId).
    /// </summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(AppSettingNames.StorageConnection);
        var options = new StorageOptions { ConnectionString = section.Value };
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.BlobServiceUri = Uri(section["blobServiceUri"]) ?? Uri(section["accountName"], "blob");
            options.QueueServiceUri = Uri(section["queueServiceUri"]) ?? Uri(section["accountName"], "queue");
            options.TableServiceUri = Uri(section["tableServiceUri"]) ?? Uri(section["accountName"], "table");
            options.ClientId = section["clientId"];
        }
        return options;
    }

    /// <summary>"Reporting__DirectoryFile" as IConfiguration spells it ("Reporting:DirectoryFile").</summary>
    /// <summary>A setting's configuration key (":" for "__"); the deployment tests find settings read through it.</summary>
    internal static string Key(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    private static Uri? Uri(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp) ? uri
        : throw new UriFormatException($"“{value}”不是有效的 http(s) 网址");

    private static Uri? Uri(string? account, string service) => string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
