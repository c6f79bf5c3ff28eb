using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reporting.Functions.Functions;
using Reporting.Functions.Telemetry;

namespace Reporting.Deployment.Tests;

/// <summary>
/// What operations see in Azure: the Flex app's health check on GET /api/health, and alerts (a poison message, a notice
/// failing past its last retry, a 5xx rate) to an action group that e-mails the address given at `azd up`.
/// </summary>
public sealed class MonitoringTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryFiles.InfraDirectory, .. path]));

    private static string Alerts => Read("app", "alerts.bicep");

    [Fact]
    public void The_function_app_s_health_check_is_the_health_function_s_route()
    {
        var route = typeof(HealthFunction).GetMethod(nameof(HealthFunction.Run))!.GetParameters()
            .Select(p => p.GetCustomAttribute<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>())
            .Single(a => a is not null)!.Route;

        var siteConfig = Regex.Match(Read("app", "api.bicep"), @"siteConfig:\s*\{(?<body>[^}]*)\}", RegexOptions.Singleline);
        Assert.True(siteConfig.Success, "api.bicep has no siteConfig");
        Assert.Matches($@"healthCheckPath:\s*'/api/{route}'", siteConfig.Groups["body"].Value);
    }

    [Fact]
    public void An_action_group_e_mails_the_address_given_at_azd_up()
    {
        using var parameters = JsonDocument.Parse(Read("main.parameters.json"));
        Assert.Equal("${ALERT_EMAIL}", parameters.RootElement.GetProperty("parameters").GetProperty("alertEmail").GetProperty("value").GetString());
        var main = Read("main.bicep");
        Assert.Matches(@"@minLength\(3\)\s*param alertEmail string\s*\n", Regex.Replace(main, @"@description\('[^']*'\)\s*", ""));
        Assert.Matches(new Regex(@"module alerts 'app/alerts\.bicep' = \{.*?\n  params: \{.*?alertEmail: alertEmail\n.*?\n\}", RegexOptions.Singleline), main);
        Assert.Matches(@"actionGroupName: '\$\{abbrs\.actionGroup\}reporting-\$\{resourceToken\}'", main);

        var group = Regex.Match(Alerts, @"resource actionGroup 'Microsoft\.Insights/actionGroups@[^']+' = \{(?<body>.*?)\n\}", RegexOptions.Singleline);
        Assert.True(group.Success, "alerts.bicep declares no action group");
        Assert.Matches(@"emailReceivers:\s*\[\s*\{[^}]*emailAddress:\s*alertEmail", group.Groups["body"].Value);
        Assert.Matches(@"location:\s*'global'", group.Groups["body"].Value);
    }

    [Theory]
    [InlineData("poison-message", ReportingMetrics.MessagesPoisonedName, null)]
    [InlineData("notice-retries-exhausted", ReportingMetrics.NoticesFailedName, "retries.exhausted")]
    [InlineData("server-errors", "requests", "resultCode) >= 500")]
    public void Each_alert_queries_what_the_app_sends_and_goes_to_the_action_group(string rule, string source, string? condition)
    {
        var entry = Regex.Match(Alerts, $@"\{{\s*name: '\$\{{alertNamePrefix\}}{Regex.Escape(rule)}'(?<body>.*?)\n  \}}", RegexOptions.Singleline);
        Assert.True(entry.Success, $"alerts.bicep has no rule named <prefix>{rule}");
        var query = Regex.Match(entry.Groups["body"].Value, @"query: '{1,3}(?<q>[^']*)'{1,3}").Groups["q"].Value;
        Assert.Contains(source, query);
        if (condition is not null) Assert.Contains(condition, query);
        Assert.Matches(@"threshold: (0|serverErrorPercent)\b", entry.Groups["body"].Value);

        // Every rule is a log alert over Application Insights that notifies the action group.
        var resource = Regex.Match(Alerts, @"resource alerts 'Microsoft\.Insights/scheduledQueryRules@[^']+' = \[\s*for rule in rules: \{(?<body>.*)\]",
            RegexOptions.Singleline);
        Assert.True(resource.Success, "alerts.bicep declares no scheduledQueryRules over the rules");
        Assert.Matches(@"scopes:\s*\[\s*applicationInsights\.id\s*\]", resource.Groups["body"].Value);
        Assert.Matches(@"actionGroups:\s*\[\s*actionGroup\.id\s*\]", resource.Groups["body"].Value);
        Assert.Matches(@"name: rule\.name", resource.Groups["body"].Value);
    }

    [Fact]
    public void Alert_names_are_deterministic_and_hold_no_keys()
    {
        var main = Read("main.bicep");
        Assert.Matches(@"alertNamePrefix: '\$\{abbrs\.alert\}reporting-\$\{resourceToken\}-'", main);
        Assert.DoesNotMatch(@"(?i)newGuid|utcNow|listKeys|InstrumentationKey", Alerts);
    }
}
