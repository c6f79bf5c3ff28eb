using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using Reporting.Core.Documents;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Writes laid-out pages into a PDFsharp document. PDFsharp embeds the faces (subset, widths, ToUnicode);
/// the text itself is written straight into the page's content as one TJ array per run, because placing
/// every glyph through XGraphics.DrawString costs ten times more than all the rest of a render.
/// A face is made known to PDFsharp by drawing its first glyph in the document with DrawString.
/// </summary>
internal sealed class PdfSurface : IPageSurface, IDisposable
{
    private readonly Dictionary<(FontFace Face, double Size, bool Bold), XFont> _fonts = [];
    private readonly Dictionary<FontFace, (PdfFont Font, XFont Registered)> _registered = [];
    private readonly Dictionary<FontFace, HashSet<int>> _used = [];
    private readonly List<(string Title, int Level, PdfPage Page, double Top)> _bookmarks = [];
    private readonly List<PageGlyph> _pageGlyphs = [];
    private readonly System.Text.StringBuilder _content = new(16 * 1024);
    private readonly List<(SealImage Image, double X, double Y, StructureNode? Node)> _pageImages = [];
    private readonly Dictionary<OrganisationSeal, PdfDictionary> _images = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Page, double X, double Y, SealImage Image, StructureNode? Node)> _seals = [];
    private readonly TaggedContent? _tags;
    private PdfPage? _page;
    private double _left;
    private StructureNode? _node;
    private DocumentInfo? _info;

    /// <param name="tagged">Mark the content for a structure tree (PDF/UA); off for the one-page documents that only subset faces.</param>
    public PdfSurface(bool tagged = true)
    {
        if (tagged) _tags = new TaggedContent(Document);
        // PDFsharp 6.2 leaves its flate streams unterminated (qpdf warns): it writes them plain and
        // PdfFinisher compresses them.
        Document.Options.CompressContentStreams = false;
        Document.Options.NoCompression = true;
    }

    public PdfDocument Document { get; } = new();

    /// <summary>Where each seal was drawn, in drawing order, with its image's and figure's object numbers: read after <see cref="Save"/>.</summary>
    public IReadOnlyList<SealPlacement> Seals =>
        [.. _seals.Select(s => new SealPlacement(s.Page, s.X, s.Y, s.Image.Width, s.Image.Height,
            ImageObject(s.Image.Seal), s.Node is { } node ? _tags?.ElementObject(node) : null))];

    public void BeginPage(int pageNumber)
    {
        _page = Document.AddPage();
        _page.Width = XUnit.FromPoint(PageGeometry.PageWidth);
        _page.Height = XUnit.FromPoint(PageGeometry.PageHeight);
        _left = PageGeometry.Left(pageNumber);
        _pageGlyphs.Clear();
        _pageImages.Clear();
        _node = null;
        _tags?.BeginPage(_page);
    }

    public void BeginContent(StructureNode? node) => _node = node;

    public void DrawImage(SealImage image, double left, double top)
    {
        var x = _left + left;
        var y = PageGeometry.PageHeight - PageGeometry.Top - top - image.Height;
        _pageImages.Add((image, x, y, _node));
        _seals.Add((Document.PageCount - 1, x, y, image, _node));
    }

    public void DrawLine(ComposedLine line, double baseline)
    {
        var y = PageGeometry.PageHeight - PageGeometry.Top - baseline;
        var x = _left + line.Offset;
        HashSet<int>? used = null;
        FontFace? face = null;
        foreach (var glyph in line.Glyphs)
        {
            _pageGlyphs.Add(new PageGlyph(glyph, x + glyph.X, y, _node));
            if (glyph.Face != face && !_used.TryGetValue(face = glyph.Face, out used)) _used[face] = used = [];
            used!.Add(glyph.CodePoint);
        }
    }

    /// <param name="top">From the top of the text block; the outline's /XYZ top is in PDF space, from the page's foot.</param>
    public void Bookmark(string title, int level, double top) =>
        _bookmarks.Add((title, level, _page ?? throw new InvalidOperationException("No page begun."), PageGeometry.PageHeight - PageGeometry.Top - top));

    public void EndPage()
    {
        var page = _page ?? throw new InvalidOperationException("No page begun.");
        var glyphs = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pageGlyphs);
        var newFace = false;
        foreach (ref readonly var glyph in glyphs) newFace |= !_registered.ContainsKey(glyph.Glyph.Face);
        if (newFace) { EndPageRegistering(page, glyphs); return; }

        // Every face is known to PDFsharp already: the page content is ours alone, no XGraphics needed.
        _content.Clear();
        var text = new TextContent(_content, _tags is null ? null : _tags.Mark);
        var names = new Dictionary<FontFace, string>();
        foreach (ref readonly var glyph in glyphs)
        {
            var face = glyph.Glyph.Face;
            if (!names.TryGetValue(face, out var name)) names[face] = name = page.Resources.AddFont(_registered[face].Font);
            text.Add(glyph, name);
        }
        text.Close();
        Images(page, _content);
        if (_content.Length == 0) return;
        var bytes = new byte[_content.Length];
        var at = 0;
        foreach (var chunk in _content.GetChunks())
            at += System.Text.Encoding.ASCII.GetBytes(chunk.Span, bytes.AsSpan(at));
        page.Contents.AppendContent().CreateStream(bytes);
    }

    /// <summary>A page with a face new to the document: PDFsharp draws that face's first glyph, the rest is ours.</summary>
    private void EndPageRegistering(PdfPage page, ReadOnlySpan<PageGlyph> glyphs)
    {
        using var graphics = XGraphics.FromPdfPage(page);
        // Save/Restore makes PDFsharp write its page prologue now and leave any text object it opened.
        graphics.Save();
        graphics.Restore();
        var content = graphics.Internals.ContentStringBuilder
            ?? throw new InvalidOperationException("PDFsharp gave no content stream for a page it was drawing on.");
        var text = new TextContent(content, _tags is null ? null : _tags.Mark);
        var names = new Dictionary<FontFace, string>();
        foreach (ref readonly var glyph in glyphs)
        {
            var face = glyph.Glyph.Face;
            if (names.TryGetValue(face, out var name)) { text.Add(glyph, name); continue; }
            if (_registered.TryGetValue(face, out var known)) { text.Add(glyph, names[face] = page.Resources.AddFont(known.Font)); continue; }
            text.Close();
            // The glyph PDFsharp draws is the document's text too: marked for its node like the rest.
            if (_tags is not null) content.Append(_tags.Mark(glyph.Node));
            names[face] = Register(graphics, page, glyph);
            graphics.Save();
            graphics.Restore();
            if (_tags is not null) content.Append("EMC\n");
        }
        text.Close();
        Images(page, content);
    }

    /// <summary>The page's images (seals), after its text so they print over it as a stamp does; one XObject per seal in the document.</summary>
    private void Images(PdfPage page, System.Text.StringBuilder content)
    {
        foreach (var (image, x, y, node) in _pageImages)
        {
            if (!_images.TryGetValue(image.Seal, out var pdfImage)) _images[image.Seal] = pdfImage = SealXObject.Add(Document, image.Seal);
            var name = ImageResource(page, pdfImage);
            if (_tags is not null) content.Append(_tags.Mark(node, [x, y, x + image.Width, y + image.Height]));
            content.Append(System.FormattableString.Invariant($"q {image.Width:0.###} 0 0 {image.Height:0.###} {x:0.###} {y:0.###} cm {name} Do Q\n"));
            if (_tags is not null) content.Append("EMC\n");
        }
    }

    /// <summary>The name under which the page's resources hold the image (one per image, however often the page draws it).</summary>
    private static string ImageResource(PdfPage page, PdfDictionary image)
    {
        if (page.Resources.Elements.GetDictionary("/XObject") is not { } images)
            page.Resources.Elements["/XObject"] = images = new PdfDictionary();
        foreach (var (key, value) in images.Elements)
            if (value is PdfReference reference && reference.Value == image) return key;
        var name = $"/Seal{images.Elements.Count}";
        images.Elements[name] = image.Reference;
        return name;
    }

    /// <summary>Draws the first glyph of a face new to the document with DrawString, so PDFsharp sets the face up for embedding.</summary>
    private string Register(XGraphics graphics, PdfPage page, PageGlyph glyph)
    {
        var before = page.Resources.Elements.GetDictionary("/Font")?.Elements.Keys.ToHashSet() ?? [];
        var font = Font(glyph.Glyph);
        graphics.DrawString(glyph.Glyph.Text, font, XBrushes.Black, glyph.X, PageGeometry.PageHeight - glyph.Y);
        var fonts = page.Resources.Elements.GetDictionary("/Font")!;
        var added = fonts.Elements.Keys.FirstOrDefault(k => !before.Contains(k))
            ?? throw new InvalidOperationException($"PDFsharp added no font resource for face {glyph.Glyph.Face.Key}.");
        _registered[glyph.Glyph.Face] = ((PdfFont)((PdfReference)fonts.Elements[added]!).Value, font);
        return added;
    }

    /// <summary>Metadata, language, the glyphs each subset must carry, the outline tree, and (tagged) the structure tree.</summary>
    public void Finish(DocumentInfo info, StructureNode? structure = null)
    {
        _info = info;
        if (_tags is not null && structure is not null) _tags.Finish(structure);
        if (_tags is not null) OutputIntent();
        foreach (var (face, codePoints) in _used)
            Document.AddCharacters(_registered[face].Registered, string.Concat(codePoints.Select(char.ConvertFromUtf32)));
        Document.Info.Title = info.Title;
        Document.Info.Author = info.Author;
        Document.Info.Subject = info.Subject;
        Document.Info.Creator = Archive.ArchiveMetadata.CreatorTool;
        Document.Info.CreationDate = info.CreatedAt.UtcDateTime;
        Document.Info.ModificationDate = info.CreatedAt.UtcDateTime;
        Document.Language = info.Language;
        PdfOutline? parent = null;
        foreach (var (title, level, page, top) in _bookmarks)
        {
            var outline = level == 0 || parent is null ? Document.Outlines.Add(title, page, true) : parent.Outlines.Add(title, page, false);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Top = top;
            if (level == 0) parent = outline;
        }
    }

    public byte[] Save()
    {
        // Sized for the plain content streams and font subsets PDFsharp writes, so the buffer does not double its way up.
        using var stream = new MemoryStream(Document.PageCount * 12 * 1024 + 4 * 1024 * 1024);
        Document.Save(stream, false);
        var info = _info;
        // Tagged documents are the archival ones (PDF/A-2U, PDF/UA-1): their XMP says so, in step with the Info dictionary.
        Func<string, string>? xmp = _tags is null || info is null ? null : producer =>
            Archive.ArchiveMetadata.Xmp(info, producer, info.CreatedAt.ToUniversalTime());
        return PdfFinisher.Finish(stream.GetBuffer().AsSpan(0, (int)stream.Length), xmp);
    }

    /// <summary>The PDF/A output intent: sRGB, the colour space the pages' transparency groups and the seal's image use.</summary>
    private void OutputIntent()
    {
        var profile = new PdfDictionary(Document);
        profile.Elements["/N"] = new PdfInteger(3);
        profile.CreateStream(Archive.SrgbProfile.Data);
        Document.Internals.AddObject(profile);
        var intent = new PdfDictionary(Document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements["/OutputConditionIdentifier"] = new PdfString(Archive.SrgbProfile.Name);
        intent.Elements["/Info"] = new PdfString(Archive.SrgbProfile.Name);
        intent.Elements["/RegistryName"] = new PdfString("http://www.color.org");
        intent.Elements["/DestOutputProfile"] = profile.Reference;
        var intents = new PdfArray(Document);
        intents.Elements.Add(intent);
        Document.Internals.Catalog.Elements["/OutputIntents"] = intents;
    }

    /// <summary>The object number of a registered face's font dictionary in the saved document.</summary>
    public int FontObject(FontFace face) => _registered[face].Font.Reference!.ObjectNumber;

    /// <summary>The object number of a seal's image XObject in the saved document.</summary>
    public int ImageObject(OrganisationSeal seal) => _images[seal].Reference!.ObjectNumber;

    /// <summary>Makes PDFsharp parse and cache a face ahead of the first document that uses it.</summary>
    public static void Warm(FontFace face) => _ = new XFont(face.Key, PageGeometry.BodySize, XFontStyleEx.Regular,
        new XPdfFontOptions(PdfFontEncoding.Unicode));

    private XFont Font(PlacedGlyph glyph)
    {
        var key = (glyph.Face, glyph.Size, glyph.Bold);
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new XFont(glyph.Face.Key, glyph.Size, glyph.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
        return font;
    }

    public void Dispose()
    {
        Document.Dispose();
    }
}

/// <summary>A glyph at its page position, in PDF coordinates (y up).</summary>
internal readonly record struct PageGlyph(PlacedGlyph Glyph, double X, double Y, StructureNode? Node = null);
