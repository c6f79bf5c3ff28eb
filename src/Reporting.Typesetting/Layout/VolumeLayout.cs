using Reporting.Core.Documents;

namespace Reporting.Typesetting.Layout;

/// <summary>
/// The compiled volume (汇编): cover, table of contents, every report from an odd page on (blank pages before
/// it carry no number), page numbers running through, and a closing page of what is still missing.
/// Each report is laid out once and paginated twice: first to learn its length, then to draw it.
/// </summary>
internal sealed class VolumeLayout(TextComposer composer)
{
    private const string Contents = "目　　录";
    private const string StatusTitle = "尚未完成的报告";

    public int Render(VolumeDocument volume, IPageSurface surface)
    {
        var report = new ReportLayout(composer);
        var reports = volume.Reports.Select(e => report.Build(e.Report, e.DepartmentName)).ToList();
        var lengths = reports.Select(r => Paginator.Run(r, NullSurface.Instance, new PagingState(), _ => null)).ToList();

        var tocPages = Paginator.Run(Toc(volume, [.. volume.Reports.Select(_ => 999)], 999, report), NullSurface.Instance, new PagingState(), _ => null);
        var starts = new List<int>();
        var next = 2 + tocPages;
        foreach (var length in lengths)
        {
            next = Odd(next);
            starts.Add(next);
            next += length;
        }
        var statusStart = Odd(next);

        var state = new PagingState();
        Paginator.Run(Cover(volume, report), surface, state, _ => null);
        Paginator.Run(Toc(volume, starts, statusStart, report), surface, state, report.Folio);
        for (var i = 0; i < reports.Count; i++)
        {
            BlankPagesUntil(starts[i], surface, state);
            Paginator.Run(reports[i], surface, state, report.Folio);
        }
        BlankPagesUntil(statusStart, surface, state);
        Paginator.Run(Status(volume, report), surface, state, report.Folio);
        return state.PageNumber;
    }

    private static int Odd(int page) => page % 2 == 1 ? page : page + 1;

    private static void BlankPagesUntil(int start, IPageSurface surface, PagingState state)
    {
        while (state.PageNumber + 1 < start)
        {
            surface.BeginPage(++state.PageNumber);
            surface.EndPage();
        }
    }

    private ColumnElement Cover(VolumeDocument volume, ReportLayout report) => new([
        new SpacerElement(5),
        report.Title(volume.Title, volume.District),
        new SpacerElement(8),
        Centred(volume.District),
        Centred($"{volume.Year}年"),
    ]);

    private ColumnElement Toc(VolumeDocument volume, IReadOnlyList<int> starts, int statusStart, ReportLayout report)
    {
        var elements = new List<LayoutElement> { report.Title(Contents, null, "目录") };
        for (var i = 0; i < volume.Reports.Count; i++)
            elements.Add(new TocEntryElement(Entry(volume.Reports[i].DepartmentName, starts[i]), starts[i]));
        elements.Add(new TocEntryElement(Entry(StatusTitle, statusStart), statusStart));
        return new ColumnElement(elements);
    }

    private ColumnElement Status(VolumeDocument volume, ReportLayout report)
    {
        var elements = new List<LayoutElement> { report.Title(StatusTitle, null) };
        if (volume.Missing.Count == 0)
            elements.Add(Paragraph($"{volume.Year}年度各部门法治政府建设情况报告均已齐全。"));
        foreach (var missing in volume.Missing)
            elements.Add(Paragraph($"{missing.DepartmentName}：尚缺{string.Join("；", missing.MissingParts)}。"));
        return new ColumnElement(elements);
    }

    private LinesElement Paragraph(string text) => new(composer.Compose(StyledText.Of(text, FontRoles.FangSong), LineStyle.Body()));

    private LinesElement Centred(string text) =>
        new([.. composer.Compose(StyledText.Of(text, FontRoles.Hei), LineStyle.Body(0) with { Justify = false }).Select(ReportLayout.Centred)]);

    /// <summary>Name, a leader of dots, and the page number flush right.</summary>
    private ComposedLine Entry(string name, int page)
    {
        var plain = LineStyle.Body(0) with { Justify = false };
        var title = composer.Compose(StyledText.Of(name, FontRoles.FangSong), plain)[0];
        var number = composer.Compose(StyledText.Of(page.ToString(System.Globalization.CultureInfo.InvariantCulture), FontRoles.FangSong), plain)[0];
        number = number with { Offset = PageGeometry.BlockWidth - number.Width };
        var dot = composer.Compose(StyledText.Of("·", FontRoles.FangSong), plain)[0].Width;
        var room = number.Offset - title.Width - PageGeometry.CharPitch;
        var dots = (int)Math.Floor(room / dot);
        if (dots < 2) return ComposedLine.Join(title, number);
        var leader = composer.Compose(StyledText.Of(new string('·', dots), FontRoles.FangSong), plain)[0];
        return ComposedLine.Join(title, leader with { Offset = number.Offset - PageGeometry.CharPitch / 2 - leader.Width }, number);
    }
}
