using System.Globalization;
using Reporting.Core.Documents;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// Writes laid-out pages as an OFD (GB/T 33190-2016): OFD.xml first, then each page's Content.xml into the
/// container as soon as the page ends, and when the document is finished the font subsets, the resource files and
/// Document.xml (page list and outline). Every glyph goes where the layout put it, the same position the PDF
/// surface gives it, converted from points to millimetres (y from the page top, as OFD measures).
/// Memory held across pages: the glyphs each face must carry, the page ids and the bookmarks.
/// </summary>
internal sealed class OfdSurface : IPageSurface, IDisposable
{
    private const string DocumentFolder = "Doc_0";

    private readonly OfdPackage _package;
    private readonly OfdIds _ids = new();
    private readonly Dictionary<FontFace, int> _fontIds = [];
    private readonly Dictionary<FontFace, UsedCharacters> _used = [];
    private readonly List<int> _pageIds = [];
    private readonly List<OfdBookmark> _bookmarks = [];
    private readonly List<OfdGlyph> _glyphs = [];
    private readonly List<OfdImage> _images = [];
    private readonly OfdXmlWriter _xml = new();
    private readonly Dictionary<OrganisationSeal, int> _imageIds = new(ReferenceEqualityComparer.Instance);
    private double _left;
    private bool _finished;

    public OfdSurface(Stream output, DocumentInfo info)
    {
        _package = new OfdPackage(output);
        OfdDocumentFiles.WriteRoot(_package, info, DocumentFolder);
    }

    /// <summary>The title the next level-0 bookmark gets instead of the one the element gives (null: keep it), as in the volume's PDF.</summary>
    public string? SectionBookmark { get; set; }

    public int Pages => _pageIds.Count;

    public void BeginPage(int pageNumber)
    {
        _pageIds.Add(_ids.Next());
        _left = PageGeometry.Left(pageNumber);
        _glyphs.Clear();
        _images.Clear();
    }

    public void DrawLine(ComposedLine line, double baseline)
    {
        var y = OfdNumber.Micrometres(PageGeometry.Top + baseline);
        var x = _left + line.Offset;
        FontFace? face = null;
        UsedCharacters? used = null;
        // The composer's lines hold arrays; a line made otherwise (a volume's leader dots) is copied into one.
        var glyphs = line.Glyphs as PlacedGlyph[] ?? [.. line.Glyphs];
        for (var i = 0; i < glyphs.Length; i++)
        {
            ref readonly var glyph = ref glyphs[i];
            _glyphs.Add(new OfdGlyph(glyphs, i, x + glyph.X, y));
            if (!ReferenceEquals(glyph.Face, face))
            {
                face = glyph.Face;
                used = Used(face);
            }
            used!.Add(glyph.CodePoint);
        }
    }

    /// <summary>The characters drawn so far with a face, which gets its font id when first used.</summary>
    private UsedCharacters Used(FontFace face)
    {
        if (_used.TryGetValue(face, out var used)) return used;
        _fontIds[face] = _ids.Next();
        return _used[face] = new UsedCharacters();
    }

    /// <summary>
    /// The seal, as the PDF draws it: its PNG written once under Res/ (as soon as first drawn, so it is not held) and
    /// declared in DocumentRes.xml as a multimedia resource; on the page an ImageObject over the text, its box the seal's.
    /// </summary>
    public void DrawImage(SealImage image, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!_imageIds.TryGetValue(image.Seal, out var id))
        {
            id = _ids.Next();
            _imageIds[image.Seal] = id;
            _package.WriteBytes($"{DocumentFolder}/{OfdDocumentFiles.ResourceFolder}/{ImageFile(id)}", image.Seal.Png, OfdContent.Image);
        }
        _images.Add(new OfdImage(id, OfdNumber.Micrometres(_left + left), OfdNumber.Micrometres(PageGeometry.Top + top),
            OfdNumber.Micrometres(image.Width), OfdNumber.Micrometres(image.Height)));
    }

    /// <param name="top">From the top of the text block, as the layout gives it.</param>
    public void Bookmark(string title, int level, double top)
    {
        if (_pageIds.Count == 0) throw new InvalidOperationException("No page begun.");
        var named = level == 0 && SectionBookmark is { } section ? section : title;
        _bookmarks.Add(new OfdBookmark(named, level, _pageIds[^1], OfdNumber.Micrometres(_left), OfdNumber.Micrometres(PageGeometry.Top + top)));
    }

    public void EndPage()
    {
        if (_pageIds.Count == 0) throw new InvalidOperationException("No page begun.");
        OfdPageContent.Write(_package, _xml, $"{DocumentFolder}/{PageLocation(_pageIds.Count - 1)}", _glyphs, _images, _fontIds, _ids);
    }

    /// <summary>Fonts, resources and Document.xml; the container is complete when the surface is disposed.</summary>
    /// <param name="expandOutline">Whether the top-level outline entries start open (a report) or closed (a volume of many departments).</param>
    public void Finish(bool expandOutline = true)
    {
        if (_finished) throw new InvalidOperationException("The OFD is finished already.");
        _finished = true;
        var fonts = _fontIds.OrderBy(f => f.Value).Select(f => new OfdFont(f.Value, f.Key, _used[f.Key].ToArray())).ToList();
        var images = _imageIds.Values.Order().Select(id => (id, ImageFile(id))).ToList();
        OfdDocumentFiles.WriteResources(_package, DocumentFolder, fonts, images);
        OfdDocumentFiles.WriteDocument(_package, DocumentFolder,
            [.. _pageIds.Select((id, index) => (id, PageLocation(index)))], _bookmarks, expandOutline, _ids);
    }

    private static string ImageFile(int id) => $"image_{id.ToString(CultureInfo.InvariantCulture)}.png";

    private static string PageLocation(int index) => $"Pages/Page_{index}/Content.xml";

    public void Dispose() => _package.Dispose();
}
