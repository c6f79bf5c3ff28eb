using PdfSharp.Pdf;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Volume;

/// <summary>Where a table-of-contents line can ask for a link to the page its entry starts on.</summary>
internal interface ILinkSurface
{
    /// <summary>Makes the slots [<paramref name="firstSlot"/>, +<paramref name="slots"/>) of the current page a link to page <paramref name="target"/>.</summary>
    void Link(int firstSlot, int slots, int target);
}

/// <summary>
/// The volume's pages over one <see cref="PdfSurface"/>: it passes drawing through, names each section's
/// top bookmark (a report's title bookmark becomes its department's name), draws blank pages, and keeps the
/// table of contents' links until every page they point to exists.
/// </summary>
internal sealed class VolumeSurface(PdfSurface pdf) : IPageSurface, ILinkSurface
{
    private readonly List<(int Page, int FirstSlot, int Slots, int Target)> _links = [];
    private int _page;

    /// <summary>The title the next level-0 bookmark gets instead of the one the element gives (null: keep it).</summary>
    public string? SectionBookmark { get; set; }

    /// <summary>Physical pages begun so far; the volume's page numbers are the physical ones.</summary>
    public int Pages => _page;

    public void BeginPage(int pageNumber)
    {
        if (pageNumber != _page + 1) throw new InvalidOperationException($"Page {pageNumber} begun after page {_page}.");
        _page = pageNumber;
        pdf.BeginPage(pageNumber);
    }

    public void DrawLine(ComposedLine line, double baseline) => pdf.DrawLine(line, baseline);

    public void Bookmark(string title, int level, double top) =>
        pdf.Bookmark(level == 0 && SectionBookmark is { } named ? named : title, level, top);

    public void EndPage() => pdf.EndPage();

    /// <summary>A page with nothing on it, not even its number [7.5].</summary>
    public void BlankPage()
    {
        BeginPage(_page + 1);
        EndPage();
    }

    public void Link(int firstSlot, int slots, int target) => _links.Add((_page, firstSlot, slots, target));

    /// <summary>
    /// Writes the links as /Link annotations whose /Dest is the top of the target page's text block, where a
    /// report's title stands. Call once every page exists.
    /// </summary>
    public void WriteLinks()
    {
        var document = pdf.Document;
        foreach (var (page, firstSlot, slots, target) in _links)
        {
            var left = PageGeometry.Left(page);
            var top = PageGeometry.PageHeight - PageGeometry.Top - firstSlot * PageGeometry.LinePitch;
            var annotation = new PdfDictionary(document);
            annotation.Elements.SetName("/Type", "/Annot");
            annotation.Elements.SetName("/Subtype", "/Link");
            annotation.Elements["/Rect"] = new PdfArray(document, Real(left), Real(top - slots * PageGeometry.LinePitch), Real(left + PageGeometry.BlockWidth), Real(top));
            annotation.Elements["/Border"] = new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0));
            annotation.Elements["/Dest"] = new PdfArray(document, document.Pages[target - 1].Reference!, new PdfName("/XYZ"),
                Real(PageGeometry.Left(target)), Real(PageGeometry.PageHeight - PageGeometry.Top), new PdfInteger(0));
            document.Internals.AddObject(annotation);
            var onPage = document.Pages[page - 1];
            var annotations = onPage.Elements.GetArray("/Annots");
            if (annotations is null) onPage.Elements["/Annots"] = annotations = new PdfArray(document);
            annotations.Elements.Add(annotation.Reference!);
        }
    }

    private static PdfReal Real(double value) => new(Math.Round(value, 2));
}

/// <summary>Counts pages without drawing: the first pass, which learns where each section starts.</summary>
internal sealed class CountingSurface : IPageSurface, ILinkSurface
{
    public void BeginPage(int pageNumber) { }
    public void DrawLine(ComposedLine line, double baseline) { }
    public void Bookmark(string title, int level, double top) { }
    public void EndPage() { }
    public void Link(int firstSlot, int slots, int target) { }
}
