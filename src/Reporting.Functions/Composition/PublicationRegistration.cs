using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Blobs;
using Reporting.Core.Publication;
using Reporting.Core.Verification;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Composition;

/// <summary>Publication and verification: the public copy after 保密审查, its pages, and the check of a copy by its SHA-256.</summary>
internal static class PublicationRegistration
{
    public static IServiceCollection AddReportingPublication(this IServiceCollection services, IConfiguration configuration, SettingsBinder settings)
    {
        settings.Bind<PublicationOptions>(configuration, PublicationOptions.Section).Validated("公开发布设置", new PublicationSettingsValidation());
        services.AddSingleton<IPublicPages, PublicSitePages>();
        services.AddSingleton<ReportPublisher>();
        services.AddSingleton<PdfVerifier>();
        services.AddHostedService<PublicSitePreparation>();
        return services;
    }
}
