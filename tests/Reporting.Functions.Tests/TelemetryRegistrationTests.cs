using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Reporting.Functions.Telemetry;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The worker exports to Application Insights only when told where, and then with the app's managed identity.</summary>
public sealed class TelemetryRegistrationTests
{
    private static ServiceProvider Register(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddReportingTelemetry(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Fact]
    public void Without_a_connection_string_nothing_is_exported()
    {
        using var services = Register([]);

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public void With_a_connection_string_the_app_s_spans_and_metrics_are_exported()
    {
        using var services = Register(new Dictionary<string, string?>
        {
            [AppSettingNames.ApplicationInsightsConnection] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("ClientId=7d0b3c1e-0000-4000-8000-000000000001;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData(" clientid = x ; authorization = aad ", true)]
    [InlineData("Authorization=None", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_authentication_string_chooses_a_managed_identity_only_when_it_asks_for_Entra(string? authentication, bool managedIdentity)
    {
        var credential = TelemetryCredential.FromAuthenticationString(authentication);

        if (managedIdentity) Assert.IsType<ManagedIdentityCredential>(credential);
        else Assert.Null(credential);
    }
}
