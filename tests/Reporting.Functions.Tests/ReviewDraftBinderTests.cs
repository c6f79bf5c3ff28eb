using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads an approval into Core's typed command and refuses malformed fields itself, in the words people read.</summary>
public class ReviewDraftBinderTests
{
    private readonly TestWorld _world = new();

    private ReportingException Refused(string? version = "1", string? decision = "approve", string? date = null, string year = "2023") =>
        Assert.Throws<ReportingException>(() => ReviewDraftBinder.Bind(year, "kgj", "duty", version, decision, null, date, _world.Directory));

    [Theory]
    [InlineData("approve", DraftDecision.Approve)]
    [InlineData(" Approved ", DraftDecision.Approve)]
    [InlineData("通过", DraftDecision.Approve)]
    [InlineData("reject", DraftDecision.Reject)]
    [InlineData("退回", DraftDecision.Reject)]
    public void A_well_formed_approval_becomes_a_typed_command(string decision, DraftDecision expected)
    {
        var command = ReviewDraftBinder.Bind("2023", "kgj", "duty", "2", decision, "意见", "2024-01-15", _world.Directory);

        Assert.Equal((new ReportKey(2023, "kgj"), ReportTemplate.Duty, 2, expected, "意见", new DateOnly(2024, 1, 15)),
            (command.Key, command.Section, command.Version, command.Decision, command.Comment, command.Date));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData(null)]
    public void A_bad_decision_is_refused_in_chinese(string? decision)
    {
        var e = Refused(decision: decision);

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(["审核意见（decision）须为 approve（通过）或 reject（退回）。"], RefusalWording.FieldErrors(e)["decision"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("１")]
    public void A_version_that_is_not_a_plain_positive_number_is_refused(string version) =>
        Assert.Equal(["版本号须为正整数。"], RefusalWording.FieldErrors(Refused(version: version))["version"]);

    [Theory]
    [InlineData("2024-1-3")]
    [InlineData("明天")]
    public void A_malformed_date_is_refused_with_an_example_from_the_year_after_the_report(string date) =>
        Assert.Equal(["成文日期（date）须为“年-月-日”格式，如 2024-01-15。"], RefusalWording.FieldErrors(Refused(date: date))["date"]);

    [Fact]
    public void Every_malformed_field_is_refused_at_once()
    {
        var e = Refused(version: "x", decision: "maybe", year: "1999");

        Assert.Equal(["decision", "version", "year"], e.Errors.Keys.Order());
    }
}
