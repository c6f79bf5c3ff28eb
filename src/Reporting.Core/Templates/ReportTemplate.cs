namespace Reporting.Core.Templates;

/// <summary>
/// The parts mandated by 《法治政府建设与责任落实督察工作规定》, in the order the report prints them.
/// The preamble has no heading of its own: it is the opening paragraph(s) before 一、.
/// </summary>
public static class ReportTemplate
{
    public static readonly ReportSection Preamble = new("preamble", "", true, 0);
    public static readonly ReportSection Duty = new("duty", "一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", true, 1);
    public static readonly ReportSection Measures = new("measures", "二、推进法治政府建设的主要举措和成效", true, 2);
    public static readonly ReportSection Shortcomings = new("shortcomings", "三、推进法治政府建设存在的不足和原因", true, 3);
    public static readonly ReportSection Plans = new("plans", "四、下一年度推进法治政府建设的主要安排", true, 4);
    public static readonly ReportSection Other = new("other", "五、其他需要报告的情况", false, 5);

    public static IReadOnlyList<ReportSection> Sections { get; } = [Preamble, Duty, Measures, Shortcomings, Plans, Other];

    public static IEnumerable<ReportSection> RequiredSections => Sections.Where(s => s.Required);

    public static ReportSection? Find(string? key) =>
        key is null ? null : Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}
