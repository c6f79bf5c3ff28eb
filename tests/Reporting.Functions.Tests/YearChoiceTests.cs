using Reporting.Core.Tests;
using Reporting.Functions.Pages;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The year a page opens on and the years its picker offers.</summary>
public sealed class YearChoiceTests
{
    private static YearChoice Choice(TestWorld world) =>
        new(world.Calendar, world.Clock, world.Drafts, new PageRenderer(TestWorldQueries.Routes, new Words(world.Directory), world.Calendar, world.Clock));

    [Fact]
    public async Task In_December_the_page_opens_on_this_year_and_offers_the_years_with_drafts_newest_first()
    {
        var world = new TestWorld();
        world.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));
        await world.SubmitAsync("duty", year: "2023");
        await world.SubmitAsync("duty", year: "2025");
        var choice = Choice(world);

        Assert.Equal(2026, choice.InProgress);
        Assert.Equal([2026, 2025, 2023], await choice.OfferedAsync(2026));
        // A year asked for by link is offered even without drafts, in its place.
        Assert.Equal([2026, 2025, 2024, 2023], await choice.OfferedAsync(2024));
    }

    [Fact]
    public void Until_its_publication_deadline_the_year_just_ended_stays_the_year_in_progress()
    {
        var world = new TestWorld();
        world.Clock.Now = new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(2026, Choice(world).InProgress);
        world.Clock.Now = new DateTimeOffset(2027, 4, 2, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(2027, Choice(world).InProgress);
    }

    [Fact]
    public async Task A_year_gaining_its_first_draft_is_offered_once_the_years_are_read_again()
    {
        var world = new TestWorld();
        world.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));
        var choice = Choice(world);
        Assert.Equal([2026], await choice.OfferedAsync(2026));

        await world.SubmitAsync("duty", year: "2021");
        world.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal([2026, 2021], await choice.OfferedAsync(2026));
    }

    [Fact]
    public async Task The_picker_is_a_labelled_select_with_the_shown_year_selected()
    {
        var world = new TestWorld();
        world.Clock.Now = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));
        await world.SubmitAsync("duty", year: "2024");

        var html = await Choice(world).SelectAsync(2024);

        Assert.Contains("<label for=\"year\">年度</label><select id=\"year\" name=\"year\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2026\">2026 年度</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2024\" selected>2024 年度</option>", html, StringComparison.Ordinal);
    }
}
