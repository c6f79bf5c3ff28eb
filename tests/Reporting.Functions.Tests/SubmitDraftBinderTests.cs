using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads a draft submission into Core's typed command and refuses malformed fields itself, all at once.</summary>
public class SubmitDraftBinderTests
{
    private readonly TestWorld _world = new();

    private ReportingException Refused(string? year, string? department, string? section, string? body) =>
        Assert.Throws<ReportingException>(() => SubmitDraftBinder.Bind(year, department, section, body, _world.Directory));

    [Fact]
    public void A_well_formed_submission_becomes_a_typed_command_with_the_text_as_sent()
    {
        var command = SubmitDraftBinder.Bind(" 2023 ", "kgj", " duty ", " 正文。\r\n", _world.Directory);

        Assert.Equal((new ReportKey(2023, "kgj"), ReportTemplate.Duty, " 正文。\r\n"), (command.Key, command.Section, command.Body));
    }

    [Fact]
    public void Every_bad_field_is_refused_at_once()
    {
        var e = Refused("20x3", "KGJ", "summary", "  ");

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(["body", "department", "section", "year"], e.Errors.Keys.Order());
        Assert.Equal(RefusalCode.SectionUnknownChoices, e.Errors["section"][0].Code);
        Assert.Equal("summary", e.Errors["section"][0].Args[0]);
        Assert.Equal(Refusal.Of(RefusalCode.BodyEmpty), e.Errors["body"][0]);
    }

    [Theory]
    [InlineData(null, RefusalCode.SectionMissing)]
    [InlineData(" ", RefusalCode.SectionMissing)]
    [InlineData("Duty", RefusalCode.SectionUnknownChoices)]
    public void A_missing_or_unknown_section_is_refused(string? section, string code)
    {
        var e = Refused("2023", "kgj", section, "正文。");

        Assert.Equal(code, Assert.Single(e.Errors["section"]).Code);
        if (code == RefusalCode.SectionUnknownChoices)
            Assert.Equal(["preamble", "duty", "measures", "shortcomings", "plans", "other"], (IEnumerable<string>)e.Errors["section"][0].Args[1]!);
    }
}
