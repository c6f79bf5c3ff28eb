using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads 发布, 全部发布 and 撤回 into Core's typed commands, refusing malformed versions itself.</summary>
public class PublicationBinderTests
{
    private readonly TestWorld _world = new();

    private static RequestFields Fields(params (string Name, string? Value)[] values) =>
        new(values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => v.Value!), null);

    [Fact]
    public void A_well_formed_publish_becomes_a_typed_command_with_the_reviewed_version()
    {
        var command = PublicationBinder.PublishReport("2023", "kgj", Fields(("version", "2"), ("confidentialityReviewed", "on"), ("comment", "同意")),
            _world.Directory);

        Assert.Equal(new(new ReportKey(2023, "kgj"), 2, true, "同意"), command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.0")]
    [InlineData("v1")]
    [InlineData("99999999999")]
    public void A_publish_without_a_well_formed_reviewed_version_is_invalid(string? version)
    {
        var refused = Assert.Throws<ReportingException>(() =>
            PublicationBinder.PublishReport("2023", "kgj", Fields(("version", version), ("confidentialityReviewed", "true")), _world.Directory));

        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.True(refused.Errors.ContainsKey("version"), string.Join(",", refused.Errors.Keys));
    }

    [Fact]
    public void A_year_publish_reads_one_reviewed_version_per_department()
    {
        var command = PublicationBinder.PublishYear("2023", Fields(("versions", "sfj=1， kgj=2"), ("confidentialityReviewed", "true")), _world.Directory);

        Assert.Equal((2023, true), (command.Year, command.ConfidentialityReviewed));
        Assert.Equal([("kgj", 2), ("sfj", 1)], command.ReviewedVersions.Select(v => (v.Key, v.Value)).Order());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kgj")]
    [InlineData("kgj=one")]
    [InlineData("nosuch=1")]
    [InlineData("kgj=1,kgj=1")]
    public void Publishing_the_year_without_a_well_formed_list_of_reviewed_versions_is_invalid(string? versions)
    {
        var refused = Assert.Throws<ReportingException>(() =>
            PublicationBinder.PublishYear("2023", Fields(("versions", versions), ("confidentialityReviewed", "true")), _world.Directory));

        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.True(refused.Errors.ContainsKey("versions"), string.Join(",", refused.Errors.Keys));
    }

    [Fact]
    public void A_withdrawal_of_an_unknown_department_is_refused_here_with_the_reason_kept_for_core_to_judge()
    {
        var refused = Assert.Throws<ReportingException>(() => PublicationBinder.Withdraw("2023", "nosuch", Fields(("reason", "有误")), _world.Directory));
        Assert.Equal([Refusal.Of(RefusalCode.DepartmentUnknown, "nosuch")], refused.Errors["department"]);

        Assert.Equal(new(new ReportKey(2023, "kgj"), " "), PublicationBinder.Withdraw("2023", "kgj", Fields(("reason", " ")), _world.Directory));
    }
}
