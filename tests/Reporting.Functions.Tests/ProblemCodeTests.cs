using System.Text.Json;
using Reporting.Core.Errors;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>A refusal's problem+json carries its code beside the Chinese title and detail, so a program can act on the reason.</summary>
public sealed class ProblemCodeTests
{
    [Fact]
    public void A_refusal_names_its_code_and_a_fault_that_is_not_a_refusal_names_none()
    {
        var (status, body) = ProblemResponses.Describe(ReportingException.Invalid("body", RefusalCode.BodyUnchanged), "/api/drafts");
        var refused = JsonSerializer.SerializeToElement(body);
        Assert.Equal(400, status);
        Assert.Equal(RefusalCode.BodyUnchanged, refused.GetProperty("code").GetString());
        Assert.True(refused.TryGetProperty("errors", out _));

        var (_, fault) = ProblemResponses.Describe(new InvalidOperationException("internal"), "/api/drafts");
        Assert.False(JsonSerializer.SerializeToElement(fault).TryGetProperty("code", out _));
    }
}
