using System.Text;
using Reporting.Core.Documents;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Volume;

/// <summary>Where a table-of-contents line can ask for a link to the page its entry starts on.</summary>
internal interface ILinkSurface
{
    /// <summary>
    /// Makes the slots [<paramref name="firstSlot"/>, +<paramref name="slots"/>) of the current page a link to page <paramref name="target"/>,
    /// described for a screen reader by <paramref name="description"/>.
    /// </summary>
    void Link(int firstSlot, int slots, int target, string description);
}

/// <summary>
/// The volume's pages, each written to the stream as soon as it ends: its text as TJ runs in a compressed content
/// stream, then the page object, with its links (a link's target page has its object number already, since
/// the page count is known from the first pass). Only the bookmarks are kept until the end.
/// </summary>
internal sealed class VolumeSurface(
    PdfStreamWriter writer, IReadOnlyDictionary<FontFace, int> fonts, IReadOnlyDictionary<OrganisationSeal, int> images, int firstPageObject,
        int pagesObject, int pages)
    : IPageSurface, ILinkSurface
{
    private readonly List<(SealImage Image, double X, double Y, StructureNode? Node)> _images = [];
    private StructureNode? _node;
    private readonly Dictionary<FontFace, string> _names = fonts.ToDictionary(f => f.Key, f => $"/F{f.Value}");
    private readonly List<PageGlyph> _glyphs = [];
    private readonly List<string> _links = [];
    private readonly StringBuilder _content = new(16 * 1024);
    private double _left;

    /// <summary>The title the next level-0 bookmark gets instead of the one the element gives (null: keep it).</summary>
    public string? SectionBookmark { get; set; }

    /// <summary>The first seal drawn on the cover (page 1), and its figure's node: where the volume's visible signature goes.</summary>
    public (SealPlacement Placement, StructureNode? Node)? CoverSeal { get; private set; }

    /// <summary>Physical pages begun so far; the volume's page numbers are the physical ones.</summary>
    public int Pages { get; private set; }

    public List<(string Title, int Level, int Page, double Top)> Bookmarks { get; } = [];

    public int PageObject(int page) => firstPageObject + page - 1;

    /// <summary>The volume's structure tree, written section by section.</summary>
    public StreamedStructure Structure { get; } = new(writer, page => firstPageObject + page - 1, pages);

    public void BeginContent(StructureNode? node) => _node = node;

    public void BeginPage(int pageNumber)
    {
        if (pageNumber != Pages + 1) throw new InvalidOperationException($"Page {pageNumber} begun after page {Pages}.");
        Pages = pageNumber;
        _left = PageGeometry.Left(pageNumber);
        _glyphs.Clear();
        _links.Clear();
        _images.Clear();
        _node = null;
        Structure.BeginPage(pageNumber);
    }

    public void DrawImage(SealImage image, double left, double top)
    {
        var (x, y) = (_left + left, PageGeometry.PageHeight - PageGeometry.Top - top - image.Height);
        _images.Add((image, x, y, _node));
        if (Pages == 1 && CoverSeal is null) CoverSeal = (new SealPlacement(0, x, y, image.Width, image.Height, images[image.Seal], null), _node);
    }

    public void DrawLine(ComposedLine line, double baseline)
    {
        var y = PageGeometry.PageHeight - PageGeometry.Top - baseline;
        var x = _left + line.Offset;
        foreach (var glyph in line.Glyphs) _glyphs.Add(new PageGlyph(glyph, x + glyph.X, y, _node));
    }

    public void Bookmark(string title, int level, double top) =>
        Bookmarks.Add((level == 0 && SectionBookmark is { } named ? named : title, level, Pages, PageGeometry.PageHeight - PageGeometry.Top - top));

    /// <summary>
    /// A link whose /Dest is the top of the target page's text block, where a report's title stands: printable (PDF/A),
    /// described (/Contents), and tagged as a Link element inside the entry's own element (PDF/UA).
    /// </summary>
    public void Link(int firstSlot, int slots, int target, string description)
    {
        var top = PageGeometry.PageHeight - PageGeometry.Top - firstSlot * PageGeometry.LinePitch;
        static string N(double v) => PdfStreamWriter.Number(v);
        var annotation = writer.Allocate();
        var tag = _node is null ? "" : $"/StructParent {Structure.Annotation(_node.Add(StructureRole.Link), annotation)}";
        writer.WriteObject(annotation, $"<</Type/Annot/Subtype/Link/F 4/Contents {PdfStreamWriter.Text(description)}{tag}" +
            $"/Rect[{N(_left)} {N(top - slots * PageGeometry.LinePitch)} {N(_left + PageGeometry.BlockWidth)} {N(top)}]" +
            $"/Border[0 0 0]/Dest[{PageObject(target)} 0 R/XYZ {N(PageGeometry.Left(target))} {N(PageGeometry.PageHeight - PageGeometry.Top)} 0]>>");
        _links.Add($"{annotation} 0 R ");
    }

    public void EndPage()
    {
        _content.Clear();
        var text = new TextContent(_content, Structure.Mark);
        var used = new SortedSet<int>();
        foreach (var glyph in _glyphs)
        {
            text.Add(glyph, _names[glyph.Glyph.Face]);
            used.Add(fonts[glyph.Glyph.Face]);
        }
        text.Close();
        var xobjects = new StringBuilder();
        foreach (var (image, x, y, node) in _images)
        {
            var number = images[image.Seal];
            static string N(double v) => PdfStreamWriter.Number(v);
            _content.Append(Structure.Mark(node));
            _content.Append($"q {N(image.Width)} 0 0 {N(image.Height)} {N(x)} {N(y)} cm /Im{number} Do Q\nEMC\n");
            xobjects.Append($"/Im{number} {number} 0 R");
        }
        var resources = string.Concat(used.Select(n => $"/F{n} {n} 0 R"));
        var page = $"<</Type/Page/Parent {pagesObject} 0 R/MediaBox[0 0 {PdfStreamWriter.Number(PageGeometry.PageWidth)} "
            + $"{PdfStreamWriter.Number(PageGeometry.PageHeight)}]" +
            $"/Resources<</ProcSet[/PDF/Text/ImageC]/Font<<{resources}>>{(xobjects.Length > 0 ? $"/XObject<<{xobjects}>>" : "")}>>";
        if (_content.Length > 0)
        {
            var contents = writer.Allocate();
            writer.WriteStream(contents, "", Encoding.ASCII.GetBytes(_content.ToString()));
            page += $"/Contents {contents} 0 R";
        }
        if (_links.Count > 0) page += $"/Tabs/S/Annots[{string.Concat(_links).TrimEnd()}]";
        if (Structure.EndPage()) page += $"/StructParents {Pages - 1}";
        writer.WriteObject(PageObject(Pages), page + ">>");
    }

    /// <summary>A page with nothing on it, not even its number [7.5].</summary>
    public void BlankPage()
    {
        BeginPage(Pages + 1);
        EndPage();
    }
}

/// <summary>Draws nothing: the first pass, which learns where each section starts and which glyphs each face must carry.</summary>
internal sealed class CountingSurface : IPageSurface, ILinkSurface
{
    public Dictionary<FontFace, HashSet<int>> Used { get; } = [];

    /// <summary>The seals drawn, once each.</summary>
    public Dictionary<OrganisationSeal, SealImage> Seals { get; } = new(ReferenceEqualityComparer.Instance);

    public void DrawImage(SealImage image, double left, double top) => Seals.TryAdd(image.Seal, image);

    public void BeginPage(int pageNumber) { }

    public void DrawLine(ComposedLine line, double baseline)
    {
        foreach (var glyph in line.Glyphs)
        {
            if (!Used.TryGetValue(glyph.Face, out var set)) Used[glyph.Face] = set = [];
            set.Add(glyph.CodePoint);
        }
    }

    public void Bookmark(string title, int level, double top) { }
    public void EndPage() { }
    public void Link(int firstSlot, int slots, int target, string description) { }
}
