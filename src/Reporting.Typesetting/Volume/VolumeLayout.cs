using System.Globalization;
using System.Text.RegularExpressions;
using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// The parts of the compiled volume (汇编) that are not reports: the cover, the table of contents and the
/// closing status page. Reports themselves are built by <see cref="ReportLayout"/>, exactly as when alone.
/// </summary>
internal sealed partial class VolumeLayout(TextComposer composer)
{
    private PlacedGlyph? _dot;

    public const string ContentsHeading = "目　录";
    public const string ContentsBookmark = "目录";
    public const string StatusHeading = "未完成报告的部门";

    /// <summary>Dotted leaders sit on a grid of half a character, so the dots of all entries line up in columns.</summary>
    private const double LeaderPitch = PageGeometry.CharPitch / 2;

    /// <summary>Room kept for the page number (four half-width digits) when an entry's text is broken into lines.</summary>
    private const double NumberColumn = 2.5 * PageGeometry.CharPitch;

    private const double CoverTitleSize = 36;   // 小初
    private const double CoverLineSize = 16;    // 3号, as the compiler and date of a document are set

    /// <summary>小四: a department's name and five status columns fit one line of the measure.</summary>
    private const double TableSize = 12;

    public ReportLayout Reports { get; } = new(composer);

    /// <summary>Every character the volume's own pages draw, for the coverage check.</summary>
    public static IEnumerable<string> OwnText(VolumeDocument volume)
    {
        yield return volume.Title;
        yield return CompilerLine(volume);
        yield return DateLine(volume);
        yield return ContentsHeading;
        yield return StatusHeading;
        yield return StatusIntro(volume);
        yield return "·0123456789" + DepartmentColumn;
        foreach (var entry in volume.Reports) yield return entry.DepartmentName;
        foreach (var missing in volume.Missing)
        {
            yield return missing.DepartmentName;
            foreach (var part in missing.Parts) yield return DocumentWords.PartShortName(part.Part) + DocumentWords.Status(part.Status);
        }
    }

    /// <summary>
    /// The cover: the title large in 小标宋 (小初), centred and broken where the sense allows, a third of the way
    /// down the text block; who compiled it (…办公室 编) and the year and month near its foot, in 3号 仿宋 on the
    /// grid. The title already names the district and the year. Lines with their baselines.
    /// </summary>
    /// <summary>Slot of the compiler's line on the cover; the month is on the next.</summary>
    private const int CoverFoot = PageGeometry.LinesPerPage - 4;

    /// <summary>Draws the cover, its title an H1 and its foot lines each a P of <paramref name="structure"/>; the office's seal over the foot.</summary>
    public void DrawCover(VolumeDocument volume, IPageSurface surface, StructureNode structure)
    {
        var title = Centred(volume.Title, CoverTitleSize, volume.District);
        var pitch = CoverTitleSize * 1.6;
        var first = PageGeometry.BlockHeight / 3 - (title.Count - 1) * pitch / 2;
        surface.BeginContent(structure.Add(StructureRole.H1));
        for (var i = 0; i < title.Count; i++) surface.DrawLine(title[i], first + i * pitch);
        var style = new LineStyle(CoverLineSize, CoverLineSize, PageGeometry.BlockWidth, 0, false);
        var foot = CoverFoot;
        foreach (var text in new[] { CompilerLine(volume), DateLine(volume) })
        {
            surface.BeginContent(structure.Add(StructureRole.P));
            surface.DrawLine(ReportLayout.Centred(composer.Compose(StyledText.Of(text, FontRoles.FangSong), style)[0]), PageGeometry.Baseline(foot++));
        }
        if (volume.Seal is { } seal)
        {
            // As over a signature [7.3.5.1]: centred on the compiler and the month, a little above them.
            var image = SealImage.Of(seal);
            surface.BeginContent(structure.Add(StructureRole.Figure, DocumentWords.SealAltText(seal)));
            surface.DrawImage(image, (PageGeometry.BlockWidth - image.Width) / 2, SignatureSeal.CentreY(CoverFoot) - image.Height / 2);
        }
    }

    private static string CompilerLine(VolumeDocument volume) => volume.CompilerName + "　编";

    private static string DateLine(VolumeDocument volume) =>
        string.Create(CultureInfo.InvariantCulture, $"{volume.CompiledDate.Year}年{volume.CompiledDate.Month}月");

    /// <summary>
    /// The table of contents: its heading (bookmarked), then one entry per report, the department's name, and
    /// one for the status page. The entries come back too, so their pages can be filled in after the first pass.
    /// </summary>
    /// <param name="section">The contents' structure: its heading (H1), then a TOC of one TOCI per entry, each with its Link.</param>
    public (LayoutElement Root, IReadOnlyList<TocEntryElement> Entries) Contents(VolumeDocument volume, StructureNode section)
    {
        var title = Reports.Title(ContentsHeading, null, section);
        var toc = section.Add(StructureRole.TOC);
        var entries = volume.Reports.Select(r => Entry(r.DepartmentName, toc)).ToList();
        entries.Add(Entry(StatusHeading, toc)); // after the reports' entries, so the TOC's items come in page order
        return (new ColumnElement([title, .. entries]), entries);
    }

    /// <summary>
    /// The closing status section: its heading (bookmarked), a sentence of what it lists, then one table of the
    /// incomplete departments, a line each, with every required part's status (未提交 / 待审核 / 已退回 / 已通过);
    /// or the sentence that all are complete.
    /// </summary>
    public LayoutElement Status(VolumeDocument volume, StructureNode section)
    {
        var elements = new List<LayoutElement>
        {
            Reports.Title(StatusHeading, null, section),
            new LinesElement(composer.Compose(StyledText.Of(StatusIntro(volume), FontRoles.FangSong), LineStyle.Body()), node: section.Add(StructureRole.P)),
        };
        if (volume.Missing.Count > 0) elements.Add(Table(volume.Missing, section));
        return new ColumnElement(elements);
    }

    private const string DepartmentColumn = "部门";

    /// <summary>Department names flush left in the first column; the parts' columns share the rest, their words centred.</summary>
    private StatusTableElement Table(IReadOnlyList<Reporting.Core.Documents.MissingReport> missing, StructureNode section)
    {
        var style = new LineStyle(TableSize, TableSize, PageGeometry.BlockWidth, 0, false);
        ComposedLine Cell(string text, string role) => composer.Compose(StyledText.Of(text, role), style)[0];
        var parts = missing.SelectMany(m => m.Parts.Select(p => p.Part)).Distinct().ToList();
        var names = missing.Select(m => Cell(m.DepartmentName, FontRoles.FangSong)).ToList();
        var nameColumn = names.Max(n => n.Width) + TableSize;
        var column = (PageGeometry.BlockWidth - nameColumn) / Math.Max(1, parts.Count);
        ComposedLine Row(ComposedLine name, IEnumerable<ComposedLine> cells) => ComposedLine.Join(
            [name, .. cells.Select((c, i) => c with { Offset = nameColumn + i * column + (column - c.Width) / 2 })]);
        var header = Row(Cell(DepartmentColumn, FontRoles.Hei), parts.Select(p => Cell(DocumentWords.PartShortName(p), FontRoles.Hei)));
        var rows = missing.Select((m, i) => Row(names[i],
            parts.Select(p => Cell(m.Parts.FirstOrDefault(s => s.Part == p) is { } s ? DocumentWords.Status(s.Status) : "—", FontRoles.FangSong)))).ToList();
        return new StatusTableElement(header, rows, section);
    }

    private static string StatusIntro(VolumeDocument volume)
    {
        var date = volume.Info.CreatedAt;
        var asOf = $"截至{date.Year}年{date.Month}月{date.Day}日，";
        return volume.Missing.Count == 0
            ? asOf + $"各部门{volume.Year}年度法治政府建设情况报告均已完成。"
            : asOf + $"下列{volume.Missing.Count}个部门的{volume.Year}年度法治政府建设情况报告尚未完成，各部分状态如下：";
    }

    private TocEntryElement Entry(string text, StructureNode toc)
    {
        var style = new LineStyle(PageGeometry.BodySize, PageGeometry.CharPitch, PageGeometry.BlockWidth - NumberColumn - PageGeometry.CharPitch, 0, false);
        var lines = composer.Compose(StyledText.Of(text, FontRoles.FangSong), style);
        var textEnd = lines[^1].End;
        return new TocEntryElement(lines, page =>
        {
            var number = Number(page);
            return [Leaders(textEnd, number.Start - PageGeometry.CharPitch / 4), number];
        }, toc.Add(StructureRole.TOCI));
    }

    /// <summary>Middle dots on the leader grid, from a quarter character after the text to <paramref name="stop"/>.</summary>
    private ComposedLine Leaders(double textEnd, double stop)
    {
        var dot = LeaderDot;
        var ink = dot.X - dot.CellX; // where the glyph's origin sits in its own cell
        var first = (int)Math.Ceiling((textEnd + PageGeometry.CharPitch / 4) / LeaderPitch);
        var last = (int)Math.Floor(stop / LeaderPitch) - 1;
        var glyphs = new List<PlacedGlyph>();
        for (var i = first; i <= last; i++)
        {
            var cell = i * LeaderPitch + (LeaderPitch - dot.CellWidth) / 2;
            glyphs.Add(dot with { CellX = cell, X = cell + ink });
        }
        return new ComposedLine(glyphs, glyphs.Count == 0 ? 0 : glyphs[^1].CellX + dot.CellWidth);
    }

    /// <summary>A page number of the contents, half-width digits right-aligned on the measure.</summary>
    private ComposedLine Number(int page)
    {
        var line = composer.Compose(StyledText.Of(page.ToString(CultureInfo.InvariantCulture), FontRoles.FangSong),
            LineStyle.Body(0) with { Justify = false })[0];
        return line with { Offset = PageGeometry.BlockWidth - line.Width };
    }

    /// <summary>
    /// Lines set in 小标宋 at <paramref name="size"/>, centred, balanced, and broken after the district or the
    /// year (魏都区2023年度 / 法治政府建设情况报告汇编) rather than inside a phrase, where the measure allows.
    /// </summary>
    private List<ComposedLine> Centred(string text, double size, string? district = null)
    {
        var bonus = new Dictionary<int, double>();
        void After(int charIndex) => bonus[text[..charIndex].EnumerateRunes().Count()] = 16 * size * size; // a display line: sense before balance
        if (!string.IsNullOrEmpty(district) && text.IndexOf(district, StringComparison.Ordinal) is >= 0 and var at) After(at + district.Length);
        foreach (Match m in Year().Matches(text)) After(m.Index + m.Length);
        var style = new LineStyle(size, size, PageGeometry.BlockWidth, 0, false);
        var lines = composer.Compose(StyledText.Of(text, FontRoles.XiaoBiaoSong), style,
            (cps, widths, s) => TitleBreaker.Break(cps, widths, s.Measure, bonus));
        return [.. lines.Select(l => l with { Offset = (PageGeometry.BlockWidth - l.Width) / 2 })];
    }

    [GeneratedRegex(@"\d{4}年度?")]
    private static partial Regex Year();

    private PlacedGlyph LeaderDot => _dot ??= composer.Compose(StyledText.Of("·", FontRoles.FangSong), LineStyle.Body(0) with { Justify = false })[0].Glyphs[0];
}
