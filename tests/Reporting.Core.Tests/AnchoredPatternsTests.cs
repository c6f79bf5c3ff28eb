using Reporting.Core.Access;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>
/// The identifiers checked by pattern end where the text ends: "$" in .NET also matches before a final line feed, so
/// "probe-lf\n" once passed as a user id and reached storage as a key (a 500). Each pattern ends in \z.
/// </summary>
public sealed class AnchoredPatternsTests
{
    [Theory]
    [InlineData("probe-lf\n")]
    [InlineData("probe-lf\r\n")]
    [InlineData("probe\nlf")]
    [InlineData("\nprobe")]
    public void A_user_id_with_a_line_feed_is_no_user_id(string id)
    {
        Assert.True(Membership.IsUserId(id.TrimEnd('\r', '\n').Replace("\n", "")));
        Assert.False(Membership.IsUserId(id));
    }

    [Fact]
    public void A_department_code_with_a_line_feed_is_no_code()
    {
        Assert.True(ReportKey.IsSlug("kgj"));
        Assert.False(ReportKey.IsSlug("kgj\n"));
    }
}
