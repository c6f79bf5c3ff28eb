namespace Reporting.Core.Templates;

/// <summary>
/// The parts mandated by 《法治政府建设与责任落实督察工作规定》, in the order the report prints them.
/// The preamble has no heading of its own: it is the opening paragraph(s) before the first numbered part. The other parts are
/// numbered in this order; their headings and numerals are worded by <see cref="ITemplateWording"/>, not here.
/// </summary>
public static class ReportTemplate
{
    public static readonly ReportSection Preamble = new("preamble", true, 0);
    public static readonly ReportSection Duty = new("duty", true, 1);
    public static readonly ReportSection Measures = new("measures", true, 2);
    public static readonly ReportSection Shortcomings = new("shortcomings", true, 3);
    public static readonly ReportSection Plans = new("plans", true, 4);
    public static readonly ReportSection Other = new("other", false, 5);

    public static IReadOnlyList<ReportSection> Sections { get; } = [Preamble, Duty, Measures, Shortcomings, Plans, Other];

    public static IEnumerable<ReportSection> RequiredSections => Sections.Where(s => s.Required);

    public static ReportSection? Find(string? key) =>
        key is null ? null : Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}
