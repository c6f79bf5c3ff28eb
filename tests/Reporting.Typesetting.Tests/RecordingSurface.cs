using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Tests;

/// <summary>Records what the layout draws, page by page, instead of writing a PDF.</summary>
internal sealed class RecordingSurface : IPageSurface
{
    public List<List<(ComposedLine Line, double Baseline)>> Pages { get; } = [];
    public List<(string Title, int Level, int Page)> Bookmarks { get; } = [];

    /// <summary>Images drawn: the page (0-based), and the image's box from the text block's top-left, in points.</summary>
    public List<(int Page, SealImage Image, double Left, double Top)> Images { get; } = [];

    public void BeginPage(int pageNumber) => Pages.Add([]);
    public void DrawLine(ComposedLine line, double baseline) => Pages[^1].Add((line, baseline));
    public void Bookmark(string title, int level, double top) => Bookmarks.Add((title, level, Pages.Count));
    public void EndPage() { }
    public void DrawImage(SealImage image, double left, double top) => Images.Add((Pages.Count - 1, image, left, top));

    /// <summary>Lines inside the text block (the folio sits below it), with their slot.</summary>
    public IEnumerable<(ComposedLine Line, int Slot)> Body(int page) =>
        Pages[page].Where(l => l.Baseline < PageGeometry.BlockHeight)
            .Select(l => (l.Line, (int)Math.Round((l.Baseline - PageGeometry.FirstBaseline) / PageGeometry.LinePitch)));

    public static RecordingSurface Lay(Reporting.Core.Documents.ReportDocument document)
    {
        var fonts = FontSet.Load(TypesettingOptions.CreateDefault());
        var layout = new ReportLayout(new TextComposer(fonts));
        var surface = new RecordingSurface();
        Paginator.Run(layout.Build(document, StructureNode.Root()), surface, new PagingState(), layout.Folio);
        return surface;
    }
}
