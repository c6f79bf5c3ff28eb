namespace Reporting.Functions;

/// <summary>
/// Every application setting the app reads, in its environment-variable spelling (":" becomes "__").
/// infra/ sets these and a test checks that Bicep and this list agree.
/// </summary>
public static class AppSettingNames
{
    /// <summary>The storage connection used by the Functions host (triggers) and by the app's own clients.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    // Identity-based form of the same connection (no keys): service URIs, credential and client id.
    public const string StorageBlobServiceUri = StorageConnection + "__blobServiceUri";
    public const string StorageQueueServiceUri = StorageConnection + "__queueServiceUri";
    public const string StorageTableServiceUri = StorageConnection + "__tableServiceUri";
    public const string StorageCredential = StorageConnection + "__credential";
    public const string StorageClientId = StorageConnection + "__clientId";

    /// <summary>Where the worker's OpenTelemetry goes (Application Insights); unset locally, and then nothing is exported.</summary>
    public const string ApplicationInsightsConnection = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>How the exporter authenticates: "ClientId=…;Authorization=AAD" (the app's managed identity; the component takes only Entra tokens).</summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public const string DirectoryFile = "Reporting__DirectoryFile";
    public const string OfficeEmail = "Reporting__OfficeEmail";
    public const string PublicBaseUrl = "Reporting__PublicBaseUrl";
    public const string TimeZone = "Reporting__TimeZone";

    /// <summary>Comma-separated user ids (Entra object ids) who are district-office administrators whatever the members table says: bootstraps a fresh
    /// deployment.</summary>
    public const string Admins = "Reporting__Admins";

    public const string SmtpHost = "Smtp__Host";
    public const string SmtpPort = "Smtp__Port";
    public const string SmtpFrom = "Smtp__From";

    /// <summary>The sender's display name on every notice (default 魏都区法治政府建设报告系统).</summary>
    public const string SmtpFromName = "Smtp__FromName";
    public const string SmtpUserName = "Smtp__UserName";
    public const string SmtpPassword = "Smtp__Password";
    public const string SmtpSecurity = "Smtp__Security";

    /// <summary>The longest one e-mail attempt may take (default 00:00:15); a mail server that hangs costs no more.</summary>
    public const string SmtpTimeout = "Smtp__Timeout";
    public const string MailDropFolder = "Mail__DropFolder";
    public const string WebhookUrl = "Webhook__Url";

    /// <summary>The longest one webhook call may take (default 00:00:15).</summary>
    public const string WebhookTimeout = "Webhook__Timeout";

    /// <summary>Attach the PDF to the district office's e-mail (true/false, default false), up to <see cref="MailAttachPdfMaxBytes"/>.</summary>
    public const string MailAttachPdf = "Mail__AttachPdf";

    /// <summary>Largest PDF attached, in bytes (default 10 MB); a larger one is left to the links and the e-mail says so.</summary>
    public const string MailAttachPdfMaxBytes = "Mail__AttachPdfMaxBytes";

    /// <summary>Local host only: development users get a 退回通知 at USER-ID@this domain (default localhost).</summary>
    public const string MailDevelopmentAddressDomain = "Mail__DevelopmentAddressDomain";

    /// <summary>Waits between failed attempts of a notice's channel (comma-separated TimeSpans; the last repeats).</summary>
    public const string NotificationRetrySchedule = "Notifications__RetrySchedule";

    /// <summary>NCRONTAB of the timer that re-queues undelivered notices from the outbox; flat for the same reason as <see cref="YearEndSchedule"/>.</summary>
    public const string NotificationSweepSchedule = "NotificationSweepSchedule";

    /// <summary>
    /// NCRONTAB (six fields) of the year-end timer. A flat name on purpose: the Functions host resolves
    /// %name% in trigger attributes from app settings, and nested names are unreliable there on Linux.
    /// </summary>
    public const string YearEndSchedule = "YearEndSchedule";

    public const string FontDirectory = "Typesetting__FontDirectory";

    // Signing (SigningOptions): every stored PDF is signed, in Azure by the district's Key Vault certificate.
    /// <summary>The Key Vault that holds the signing certificate and its key (https://NAME.vault.azure.net/).</summary>
    public const string SigningKeyVaultUri = "Signing__KeyVaultUri";

    /// <summary>The name of the signing certificate in that vault (one for the district).</summary>
    public const string SigningCertificateName = "Signing__CertificateName";

    /// <summary>Local only: a PKCS#12 file without a password that signs instead (the local host defaults it to the development certificate).</summary>
    public const string SigningCertificateFile = "Signing__CertificateFile";

    // The regulation's calendar (Settings/CalendarSettings): deadlines per report year, reckoned in Reporting__TimeZone.
    public const string CalendarSubmissionDeadline = "Calendar__SubmissionDeadline";
    public const string CalendarSubmissionDeadlines = "Calendar__SubmissionDeadlines";
    public const string CalendarPublicationDeadline = "Calendar__PublicationDeadline";
    public const string CalendarPublicationDeadlines = "Calendar__PublicationDeadlines";
    public const string CalendarReminderDays = "Calendar__ReminderDays";

    // Publication (PublicationOptions): where the public copy goes and where people are linked to.
    /// <summary>The public site's container (default $web, the static website; the local host uses web, as Azurite refuses $web).</summary>
    public const string PublicationContainer = "Publication__Container";

    /// <summary>Local only: create the container with anonymous blob read access on Azurite (never set in Azure).</summary>
    public const string PublicationAnonymousReadContainer = "Publication__AnonymousReadContainer";

    /// <summary>The public site's base URL (the static website's endpoint); default the container's blob URL.</summary>
    public const string PublicationPublicBaseUrl = "Publication__PublicBaseUrl";

    /// <summary>NCRONTAB of the daily reminder and overdue-list timer; flat for the same reason as <see cref="YearEndSchedule"/>.</summary>
    public const string DeadlineReminderSchedule = "DeadlineReminderSchedule";

    /// <summary>Values used when a setting is absent (the local host loads these first; infra/ sets them explicitly).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [YearEndSchedule] = Functions.YearEndFunctions.DefaultSchedule,
        [NotificationSweepSchedule] = Functions.NotificationSweepFunction.DefaultSchedule,
        [DeadlineReminderSchedule] = Functions.DeadlineFunctions.DefaultSchedule,
    };
}
