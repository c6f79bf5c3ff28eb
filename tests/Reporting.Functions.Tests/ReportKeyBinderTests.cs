using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.Core.Tests;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The HTTP edge reads a report's year and department into Core's key, refusing malformed ones in the words people read.</summary>
public class ReportKeyBinderTests
{
    private static ReportingException Refused(string? year, string? department) =>
        Assert.Throws<ReportingException>(() => ReportKeyBinder.Bind(year, department, TestWorld.SharedDirectory));

    [Fact]
    public void A_four_digit_year_and_a_known_department_make_a_key()
    {
        Assert.Equal(new ReportKey(2023, "kgj"), ReportKeyBinder.Bind(" 2023 ", " kgj ", TestWorld.SharedDirectory));
    }

    [Theory]
    [InlineData("20x3")]
    [InlineData("1999")]
    [InlineData("2100")]
    [InlineData("23")]
    [InlineData("02023")]
    [InlineData("２０２３")] // full-width digits
    [InlineData("٢٠٢٣")] // Arabic-Indic digits
    [InlineData("+2023")]
    [InlineData("2023.0")]
    public void A_malformed_or_out_of_range_year_is_refused_in_chinese(string year)
    {
        var e = Refused(year, "kgj");

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal([Refusal.Of(RefusalCode.YearOutOfRange, 2000, 2099)], e.Errors["year"]);
        Assert.False(e.Errors.ContainsKey("department"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_year_is_asked_for(string? year)
    {
        Assert.Equal([Refusal.Of(RefusalCode.YearMissing)], Refused(year, "kgj").Errors["year"]);
    }

    [Theory]
    [InlineData("kgj' or PartitionKey ne '")]
    [InlineData("../kgj")]
    [InlineData("kgj/x")]
    [InlineData("kgj\\x")]
    [InlineData("KGJ")]
    [InlineData("Kgj")]
    [InlineData("kgj%2F")]
    [InlineData("-kgj")]
    [InlineData("kgj\u200b")]
    [InlineData("科工局")]
    public void A_department_that_is_not_a_lowercase_slug_is_refused_in_chinese(string department)
    {
        var e = Refused("2023", department);

        Assert.Equal([Refusal.Of(RefusalCode.DepartmentMalformed)], e.Errors["department"]);
        Assert.False(e.Errors.ContainsKey("year"));
    }

    [Fact]
    public void An_unknown_department_is_refused_by_name()
    {
        Assert.Equal([Refusal.Of(RefusalCode.DepartmentUnknown, "xyz")], Refused("2023", "xyz").Errors["department"]);
    }

    [Fact]
    public void A_missing_department_is_asked_for()
    {
        Assert.Equal([Refusal.Of(RefusalCode.DepartmentMissing)], Refused("2023", null).Errors["department"]);
    }

    [Fact]
    public void Both_bad_fields_are_reported_at_once_with_a_chinese_title()
    {
        var e = Refused("1999", "../kgj");

        Assert.Equal(["department", "year"], e.Errors.Keys.Order());
        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(RefusalCode.YearOutOfRange, e.Refusal.Code);
        Assert.Equal([Refusal.Of(RefusalCode.DepartmentMalformed)], e.Errors["department"]);
    }

    [Fact]
    public void With_a_collector_parse_adds_to_it_instead_of_throwing()
    {
        var errors = new ValidationErrors();

        ReportKeyBinder.Bind("20x3", "kgj", TestWorld.SharedDirectory, errors);

        Assert.False(errors.IsEmpty);
    }
}
