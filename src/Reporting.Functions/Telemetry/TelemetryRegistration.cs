using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static Reporting.Functions.ReportingServices;

namespace Reporting.Functions.Telemetry;

/// <summary>
/// OpenTelemetry in the worker: the Functions worker's own spans and resource (UseFunctionsWorkerDefaults), the app's
/// <see cref="ReportingActivities"/> and <see cref="ReportingMetrics"/>, and the Azure SDK's spans; exported to
/// Application Insights only when APPLICATIONINSIGHTS_CONNECTION_STRING is set (infra/app/api.bicep sets it in Azure),
/// so a local run or a test exports nothing and needs no network.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddReportingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[Key(AppSettingNames.ApplicationInsightsConnection)])) return services;
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(ReportingActivities.SourceName, "Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter(ReportingMetrics.MeterName))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = configuration[Key(AppSettingNames.ApplicationInsightsConnection)];
                if (TelemetryCredential.FromAuthenticationString(configuration[Key(AppSettingNames.ApplicationInsightsAuthentication)]) is { } credential)
                    exporter.Credential = credential;
            });
        return services;
    }
}
