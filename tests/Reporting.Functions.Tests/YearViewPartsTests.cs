using Reporting.Core.Tests;
using Reporting.Functions.ReadModels;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The year view's per-part statuses, which 全区总览 prints as a departments × parts grid.</summary>
public class YearViewPartsTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task Each_part_shows_its_newest_drafts_status_in_template_order()
    {
        await _world.SubmitAsync("preamble", department: "sfj");
        await _world.DecideAsync("preamble", 1, department: "sfj");
        await _world.SubmitAsync("duty", department: "sfj");
        await _world.DecideAsync("duty", 1, "reject", department: "sfj");
        await _world.SubmitAsync("measures", department: "sfj");
        await _world.DecideAsync("measures", 1, department: "sfj");
        await _world.SubmitAsync("measures", "第二稿。", department: "sfj");

        var year = await _world.Queries().GetYearAsync("2023", TestWorld.Office);

        var sfj = year.Departments.Single(d => d.Department == "sfj");
        Assert.Equal(
            [("preamble", "approved", 1), ("duty", "rejected", 1), ("measures", "submitted", 2), ("shortcomings", "missing", null),
                ("plans", "missing", null), ("other", "missing", null)],
            sfj.Parts.Select(p => (p.Section, p.Status, p.Version)));
        Assert.All(year.Departments.Where(d => d.Department != "sfj"), d => Assert.All(d.Parts, p => Assert.Equal("missing", p.Status)));
    }
}
