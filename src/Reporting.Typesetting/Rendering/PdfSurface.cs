using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reporting.Core.Documents;
using Reporting.Typesetting.Fonts;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Rendering;

/// <summary>Writes laid-out pages into a PDFsharp document: one glyph per call, at its grid position.</summary>
internal sealed class PdfSurface : IPageSurface, IDisposable
{
    private readonly Dictionary<(FontFace Face, double Size, bool Bold), XFont> _fonts = [];
    private readonly List<(string Title, int Level, PdfPage Page, double Top)> _bookmarks = [];
    private XGraphics? _graphics;
    private PdfPage? _page;
    private double _left;

    public PdfSurface()
    {
        // PDFsharp 6.2 leaves compressed content streams unterminated (qpdf warns); text streams stay plain.
        Document.Options.CompressContentStreams = false;
    }

    public PdfDocument Document { get; } = new();

    public void BeginPage(int pageNumber)
    {
        _page = Document.AddPage();
        _page.Width = XUnit.FromPoint(PageGeometry.PageWidth);
        _page.Height = XUnit.FromPoint(PageGeometry.PageHeight);
        _graphics = XGraphics.FromPdfPage(_page);
        _left = PageGeometry.Left(pageNumber);
    }

    public void DrawLine(ComposedLine line, double baseline)
    {
        var graphics = _graphics ?? throw new InvalidOperationException("No page begun.");
        var y = PageGeometry.Top + baseline;
        var x = _left + line.Offset;
        foreach (var glyph in line.Glyphs)
            graphics.DrawString(glyph.Text, Font(glyph), XBrushes.Black, x + glyph.X, y);
    }

    public void Bookmark(string title, int level, double top) =>
        _bookmarks.Add((title, level, _page ?? throw new InvalidOperationException("No page begun."), PageGeometry.Top + top));

    public void EndPage()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    /// <summary>Metadata, language and the outline tree (level 0 entries, level 1 entries under the last level 0).</summary>
    public void Finish(DocumentInfo info)
    {
        Document.Info.Title = info.Title;
        Document.Info.Author = info.Author;
        Document.Info.Subject = info.Subject;
        Document.Info.Creator = "Reporting.Typesetting (GB/T 9704-2012)";
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
        using var stream = new MemoryStream();
        Document.Save(stream, false);
        return PdfFinisher.Finish(stream.ToArray());
    }

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
        _graphics?.Dispose();
        Document.Dispose();
    }
}
