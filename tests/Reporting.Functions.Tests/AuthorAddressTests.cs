using System.Text;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Directory;
using Reporting.Functions.Http;
using Reporting.Functions.Identity;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>Where a 退回通知 goes: the address the signed-in principal gave, kept with the caller (and so with each draft it submits).</summary>
public sealed class AuthorAddressTests
{
    private static readonly DistrictDirectory Directory = DistrictDirectoryJson.Load(RepoPaths.Fixture("departments.json"));

    private static string? EmailOf(string claims)
    {
        var resolver = new CallerResolver(new IdentityOptions { AppServiceAuthentication = true }, new Routes("api"));
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers[CallerResolver.PrincipalHeader] =
            Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"claims":[{"typ":"oid","val":"abc-1"},{{claims}}]}"""));
        return resolver.Resolve(context.Request).Email;
    }

    [Fact]
    public void The_email_claim_is_the_callers_address()
    {
        Assert.Equal("zhang3@weidu.example.gov.cn",
            EmailOf("""{"typ":"email","val":"zhang3@weidu.example.gov.cn"},{"typ":"preferred_username","val":"z3@other.example"}"""));
    }

    [Fact]
    public void Without_an_email_claim_a_preferred_username_that_is_an_address_serves()
    {
        Assert.Equal("li4@weidu.example.gov.cn", EmailOf("""{"typ":"preferred_username","val":"li4@weidu.example.gov.cn"}"""));
    }

    [Fact]
    public void A_principal_with_no_address_leaves_the_caller_without_one()
    {
        Assert.Null(EmailOf("""{"typ":"preferred_username","val":"李四"},{"typ":"name","val":"李四"}"""));
    }
}
