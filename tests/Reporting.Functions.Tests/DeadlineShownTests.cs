using Reporting.Core.Access;
using Reporting.Core.Calendar;
using Reporting.Core.Tests;
using Reporting.Functions.Pages;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The submission deadline of the year on screen is on every page and in the report and year JSON.</summary>
public sealed class DeadlineShownTests
{
    private static readonly PageTemplate Empty = PageTemplate.FromText("");

    private readonly TestWorld _world = new();

    private PageRenderer Pages() => new(TestWorldQueries.Routes, new Words(_world.Directory),
        new ReportingCalendar(ReportingCalendarDates.Default, _world.Options), _world.Clock);

    [Fact]
    public void A_page_of_a_year_says_its_deadline_and_the_days_left_in_Beijing_time()
    {
        // 2024-02-20 20:00 UTC is 21 February in Beijing: 9 days to 1 March 2024 (2024 is a leap year).
        _world.Clock.Now = new DateTimeOffset(2024, 2, 20, 20, 0, 0, TimeSpan.Zero);
        var html = Pages().Render("本部门报告", TestWorld.Office, null, PageTemplate.FromText("<p>内容</p>"), new { }, year: 2023);
        Assert.Contains("<p class=\"deadline\">2023 年度报告报送截止：2024年3月1日，还有 9 天</p>", html);
    }

    [Fact]
    public void A_page_without_a_year_shows_the_year_just_ended_and_a_passed_deadline_says_by_how_much()
    {
        _world.Clock.Now = new DateTimeOffset(2024, 3, 4, 2, 0, 0, TimeSpan.Zero);
        Assert.Contains("2023 年度报告报送截止：2024年3月1日，已过 3 天", Pages().Render("成员管理", TestWorld.Office, null, Empty, new { }));
        _world.Clock.Now = new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Contains("2024年3月1日，今天截止", Pages().Render("成员管理", TestWorld.Office, null, Empty, new { }));
        _world.Clock.Now = new DateTimeOffset(2024, 4, 2, 2, 0, 0, TimeSpan.Zero);
        Assert.Contains("2023 年度报告报送截止：2024年3月1日，已截止<", Pages().Render("本部门报告", TestWorld.Office, null, Empty, new { }, year: 2023));
    }

    [Fact]
    public async Task The_report_and_year_views_carry_both_deadlines_and_the_days_left()
    {
        _world.Clock.Now = new DateTimeOffset(2024, 2, 28, 2, 0, 0, TimeSpan.Zero);
        var report = await _world.Queries().GetReportAsync("2023", "kgj", TestWorld.Office);
        var year = await _world.Queries().GetYearAsync("2023", TestWorld.Office);
        Assert.Equal(new(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1), 2), report.Deadline);
        Assert.Equal(report.Deadline, year.Deadline);
    }

    [Fact]
    public void A_district_office_member_whose_name_is_their_role_is_named_once()
    {
        var words = new Words(_world.Directory);
        var office = new Membership("office", MemberRole.Office, null);
        Assert.Equal("区法治办工作人员", words.Who(new Caller("office", "区法治办工作人员"), office));
        Assert.Equal("张三（区法治办工作人员）", words.Who(new Caller("zhang", "张三"), office));
    }
}
