using Reporting.Core.Errors;
using Reporting.Core.Templates;
using Xunit;

namespace Reporting.Core.Tests;

public class PartPlacementTests
{
    private readonly TestWorld _world = new();

    private async Task<Refusal> RefusalAsync(string section, string body, string year = "2023")
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() =>
            _world.Submission.SubmitAsync(SubmitCommands.For(section, body, year: int.Parse(year)), TestWorld.Author()));
        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Empty(await _world.Drafts.ListAsync(new(int.Parse(year), "kgj")));
        return Assert.Single(e.Errors.Values.SelectMany(v => v));
    }

    [Fact]
    public async Task A_part_whose_first_line_is_another_parts_heading_is_refused_naming_both()
    {
        var message = await RefusalAsync("measures", "一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真贯彻落实。");

        Assert.Equal(Refusal.Of(RefusalCode.ForeignHeading, "一、党政主要负责人履行推进法治建…", ReportTemplate.Duty, ReportTemplate.Measures), message);
    }

    [Fact]
    public async Task A_preamble_that_starts_with_a_numbered_heading_is_refused()
    {
        var message = await RefusalAsync("preamble", "一、党政主要负责人履行推进法治建设第一责任人职责\n正文。");

        Assert.Equal(Refusal.Of(RefusalCode.ForeignHeading, "一、党政主要负责人履行推进法治建…", ReportTemplate.Duty, ReportTemplate.Preamble), message);
    }

    [Fact]
    public async Task The_whole_report_pasted_into_one_part_is_refused()
    {
        const string report = """
            2023年，在市、区法治政府建设领导小组的领导下，我局全面推进法治政府建设。
            一、党政主要负责人切实履行推进法治建设第一责任人职责
            局主要负责人认真贯彻落实。
            二、推进法治政府建设的主要举措和成效
            （一）以法治构建亲清统一的新型政商关系。
            三、推进法治政府建设存在的不足和原因
            （一）法治思维和法治方式还需加强。
            """;

        var message = await RefusalAsync("duty", report);

        Assert.Equal(RefusalCode.WholeReportPasted, message.Code);
        Assert.Equal([ReportTemplate.Measures, ReportTemplate.Shortcomings], (IEnumerable<ReportSection>)message.Args[0]!);
        Assert.Equal(ReportTemplate.Duty, message.Args[1]);
    }

    [Fact]
    public async Task A_part_with_its_own_heading_and_numbered_subsections_is_accepted()
    {
        var draft = await _world.SubmitAsync("measures", "二、推进法治政府建设的主要举措和成效\n（一）以法治构建亲清统一的新型政商关系。\n（二）强化企业诚信建设。");

        Assert.Equal(1, draft.Version);
    }

    [Fact]
    public async Task A_paragraph_that_merely_mentions_another_numeral_is_accepted()
    {
        var draft = await _world.SubmitAsync("measures", "一、二季度召开专题会议四次，研究部署法治政府建设工作。全年完成任务。");

        Assert.Equal(1, draft.Version);
    }

    [Fact]
    public async Task A_year_after_the_current_one_in_beijing_time_is_refused()
    {
        _world.Clock.Now = new DateTimeOffset(2024, 12, 31, 15, 59, 0, TimeSpan.Zero); // 23:59 in Beijing

        var message = await RefusalAsync("duty", "正文。", year: "2025");

        Assert.Equal(Refusal.Of(RefusalCode.YearNotYetCome, 2025, 2024), message);
    }

    [Fact]
    public async Task The_current_year_counts_from_midnight_in_beijing_not_utc()
    {
        _world.Clock.Now = new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero); // 00:00 on 1 January 2025 in Beijing

        var draft = await _world.SubmitAsync("duty", "正文。", year: "2025");

        Assert.Equal(2025, draft.Report.Year);
    }
}
