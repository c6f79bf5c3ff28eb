using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.LocalHost;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>The caller seam in its Azure shape (App Service Authentication's principal header) and the development sign-in's refusal to run on Azure.</summary>
public sealed class IdentitySeamTests
{
    private static readonly Reporting.Core.Directory.DistrictDirectory Directory =
        Reporting.Core.Directory.DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));

    private static CallerResolver Resolver(bool appService) => new(
        new IdentityOptions { AppServiceAuthentication = appService, PublicHost = "reports.weidu.example.gov.cn" },
        new Routes("api"), new DevelopmentSignIn(Directory, new EphemeralDataProtectionProvider()));

    private static HttpRequest Request(string? principal, string method = "GET", string? devUser = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString("reports.example.gov.cn");
        if (principal is not null) context.Request.Headers[CallerResolver.PrincipalHeader] = principal;
        if (devUser is not null) context.Request.Headers[DevelopmentSignIn.HeaderName] = devUser;
        return context.Request;
    }

    private static string Principal(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Behind_App_Service_Authentication_the_caller_is_the_principal_s_object_id_and_name()
    {
        var header = Principal("""
            {"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"6f1c2d3e-0000-4000-8000-00000000abcd"},
              {"typ":"name","val":"王五\u202E"},{"typ":"preferred_username","val":"wangwu@weidu.example.gov.cn"}]}
            """);

        var caller = Resolver(appService: true).Resolve(Request(header));

        Assert.Equal(("6f1c2d3e-0000-4000-8000-00000000abcd", "王五"), (caller.Id, caller.Name));
    }

    [Fact]
    public void The_short_oid_claim_and_preferred_username_serve_when_the_long_forms_are_absent()
    {
        var caller = Resolver(appService: true)
            .Resolve(Request(Principal("""{"claims":[{"typ":"oid","val":"abc-1"},{"typ":"preferred_username","val":"li4@example.gov.cn"}]}""")));

        Assert.Equal(("abc-1", "li4@example.gov.cn"), (caller.Id, caller.Name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("e30=")]                                  // {}
    [InlineData("eyJjbGFpbXMiOlt7InR5cCI6Im5hbWUiLCJ2YWwiOiLnjovkupQifV19")] // a name but no object id
    public void A_missing_or_unreadable_principal_is_401(string? header)
    {
        var e = Assert.Throws<ReportingException>(() => Resolver(appService: true).Resolve(Request(header)));
        Assert.Equal(ProblemKind.Unauthorized, e.Kind);
    }

    [Fact]
    public void The_development_header_means_nothing_behind_App_Service_Authentication()
    {
        Assert.Null(Resolver(appService: true).TryResolve(Request(null, devUser: "office-admin")));
        Assert.StartsWith("/.auth/login/aad?post_login_redirect_uri=", Resolver(appService: true).SignInUrl("/api/form"));
    }

    [Fact]
    public void A_post_from_another_origin_is_refused_before_anyone_is_resolved()
    {
        var request = Request(Principal("""{"claims":[{"typ":"oid","val":"abc-1"}]}"""), "POST");
        request.Headers.Origin = "https://evil.example";

        var e = Assert.Throws<ReportingException>(() => Resolver(appService: true).Resolve(request));

        Assert.Equal(ProblemKind.Forbidden, e.Kind);
    }

    [Theory]
    [InlineData("https://reports.weidu.example.gov.cn")]   // the configured public address
    [InlineData("https://front.example.gov.cn")]           // the host the front end forwarded
    public void A_post_from_the_app_s_own_public_origin_is_accepted_behind_proxies(string origin)
    {
        var request = Request(Principal("""{"claims":[{"typ":"oid","val":"abc-1"}]}"""), "POST");
        request.Host = new HostString("127.0.0.1:5123");
        request.Headers["X-Forwarded-Host"] = "front.example.gov.cn";
        request.Headers.Origin = origin;

        Assert.Equal("abc-1", Resolver(appService: true).Resolve(request).Id);
    }

    [Theory]
    [InlineData("WEBSITE_INSTANCE_ID")]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_AUTH_ENABLED")]
    public async Task The_local_host_refuses_to_start_on_App_Service_and_says_why(string marker)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostApp.CreateAsync([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["LocalHost:Url"] = "http://127.0.0.1:0",
            [marker] = "1",
        }));
        Assert.Contains(marker, e.Message);
        Assert.Contains("development sign-in", e.Message);
    }

    /// <summary>"http://127.0.0.1:" (no port) passed the loopback check, and Kestrel then listened on port 80 of every interface.</summary>
    [Theory]
    [InlineData("http://127.0.0.1:")]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://localhost:7071")]
    [InlineData("http://*:7071")]
    public async Task The_local_host_listens_only_on_a_loopback_address_and_port_it_is_given(string url)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostApp.CreateAsync([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["LocalHost:Url"] = url,
        }));
        Assert.Contains($"LocalHost:Url must be a loopback address and port such as http://127.0.0.1:7071 (got {url})", e.Message);
    }

    [Fact]
    public void Without_the_development_sign_in_App_Service_markers_are_fine()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string,
            string?>
        { ["WEBSITE_INSTANCE_ID"] = "x", ["WEBSITE_AUTH_ENABLED"] = "True" }).Build();

        var options = IdentityOptions.From(configuration, developmentSignIn: false);

        Assert.True(options.AppServiceAuthentication);
        Assert.False(options.DevelopmentSignIn);
    }
}
