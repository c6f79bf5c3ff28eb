using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// App Service Authentication stands in front of every route but two: /api/verify, where anyone may check a PDF they
/// hold against the archive, and /api/health, which the platform's health check and monitoring call and which tells
/// nothing about reports. Nothing else may slip out of sign-in through the same list.
/// </summary>
public sealed class AnonymousRoutesTests
{
    private static string Api => File.ReadAllText(RepositoryFiles.FunctionAppModule);

    [Fact]
    public void Authentication_is_required_everywhere_except_the_verification_and_health_routes()
    {
        var auth = Regex.Match(Api, @"name:\s*'authsettingsV2'.*?globalValidation:\s*\{(?<body>.*?)\n    \}", RegexOptions.Singleline);
        Assert.True(auth.Success, "api.bicep declares no authsettingsV2 globalValidation block");
        var body = auth.Groups["body"].Value;
        Assert.Matches(@"requireAuthentication:\s*true\b", body);

        var excluded = Regex.Match(body, @"excludedPaths:\s*\[(?<paths>[^\]]*)\]");
        Assert.True(excluded.Success, "globalValidation has no excludedPaths: /api/verify would need a sign-in");
        var paths = Regex.Matches(excluded.Groups["paths"].Value, @"'([^']*)'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/" + RoutePrefix() + "/verify", "/" + RoutePrefix() + "/health"], paths);
    }

    /// <summary>The route prefix the functions are served under (host.json's extensions.http.routePrefix; "api" when absent).</summary>
    private static string RoutePrefix()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return host.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix) ? prefix.GetString()!.Trim('/') : "api";
    }
}
