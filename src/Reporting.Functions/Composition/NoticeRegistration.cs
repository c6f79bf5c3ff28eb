using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Notifications;
using Reporting.Core;
using Reporting.Core.Notices;
using Reporting.Functions.Notices;
using Reporting.Functions.Settings;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>Notices: their wording, the mail and webhook channels, the outbox's retry schedule and who is told what.</summary>
internal static class NoticeRegistration
{
    public static IServiceCollection AddReportingNotices(this IServiceCollection services, IConfiguration configuration, SettingsBinder settings,
        ReportingOptions? reporting)
    {
        var mail = settings.Bind<MailOptions>(configuration, "Smtp").Validated("邮件设置", new MailSettingsValidation(), options =>
        {
            if (configuration[Key(AppSettingNames.MailDropFolder)] is { Length: > 0 } drop) options.DropFolder = drop;
        });
        var webhook = settings.Bind<WebhookOptions>(configuration, "Webhook").Validated("通知网址", new WebhookSettingsValidation());
        if (mail is not null && webhook is not null)
        {
            var claim = new NotificationClaimValidation(mail, webhook);
            services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ReportingOptions>>(claim);
            if (reporting is not null) settings.Check.Validate(reporting, claim);
        }
        settings.Bind<NoticeOptions>(configuration, NoticeOptions.Section).Validated("通知邮件设置", new NoticeSettingsValidation(), options =>
        {
            if (configuration[Key(AppSettingNames.SmtpFromName)] is { Length: > 0 } sender) options.UseSenderName(sender);
        });
        settings.Bind<NotificationSettings>(configuration, NotificationSettings.Section).Validated("通知重试间隔",
            new ParsedSettingValidation<NotificationSettings>(AppSettingNames.NotificationRetrySchedule, "通知重试间隔", schedule => schedule.Parse()));
        services.AddSingleton(sp => sp.GetRequiredService<NotificationSettings>().Parse());

        services.AddSingleton<INoticeComposer, NoticeComposer>();
        services.AddSingleton<AuthorAddresses>();
        services.AddSingleton<IAuthorAddresses>(sp => sp.GetRequiredService<AuthorAddresses>());
        services.AddSingleton<MemberAddresses>();
        services.AddSingleton<IMemberAddresses>(sp => sp.GetRequiredService<MemberAddresses>());
        services.AddSingleton<IDepartmentApprovers>(sp => sp.GetRequiredService<MemberAddresses>());
        services.AddHttpClient<WebhookNotificationSender>((sp, client) => client.Timeout = sp.GetRequiredService<WebhookOptions>().Timeout);
        services.AddSingleton<INotificationSender, EmailNotificationSender>();
        services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<WebhookNotificationSender>());
        services.AddSingleton<OnceOnlyDelivery>();
        services.AddSingleton<DistrictOfficeNotifier>();
        services.AddSingleton<RejectionNotifier>();
        services.AddSingleton<ApprovalNotifier>();
        services.AddSingleton<ReportMadeNotifier>();
        services.AddSingleton<ReviewNotifier>();
        return services;
    }
}
