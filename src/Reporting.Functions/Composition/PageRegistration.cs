using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Composition;

/// <summary>The zh-CN pages, their routes, and the links to them that notices carry.</summary>
internal static class PageRegistration
{
    public static IServiceCollection AddReportingPages(this IServiceCollection services, IConfiguration configuration, SettingsCheck check)
    {
        var publicBase = configuration[Key(AppSettingNames.PublicBaseUrl)];
        var valid = string.IsNullOrWhiteSpace(publicBase)
                    || Uri.TryCreate(publicBase, UriKind.Absolute, out var parsed) && SettingRules.IsWebAddress(parsed, "http", "https");
        check.Require(valid,
            AppSettingNames.PublicBaseUrl, $"“{publicBase}”不是有效的 http(s) 网址");
        services.AddSingleton(new PublicLinks(publicBase));
        services.AddSingleton(Routes.FromHostJson(Path.Combine(AppContext.BaseDirectory, "host.json")));
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<Words>();
        services.AddSingleton<YearChoice>();
        services.AddSingleton<DepartmentApprovers>();
        services.AddSingleton<DecisionNotice>();
        services.AddSingleton<TodoCount>();
        services.AddSingleton<FormPage>();
        services.AddSingleton<BrowserRequests>();
        services.AddSingleton<RefusalPage>();
        services.AddSingleton<RefusalPages>();
        services.AddSingleton<TodoPage>();
        services.AddSingleton<DepartmentPage>();
        services.AddSingleton<OverviewPage>();
        services.AddSingleton<YearEndRunPage>();
        services.AddSingleton<MembersPage>();
        services.AddSingleton<DraftPage>();
        services.AddSingleton<ReviewPage>();
        services.AddSingleton<SealsPage>();
        services.AddSingleton<VerifyPage>();
        services.AddSingleton<PublicationPage>();
        return services;
    }
}
