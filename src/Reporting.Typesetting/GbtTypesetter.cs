using Reporting.Core.Abstractions;
using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Ofd;
using Reporting.Typesetting.Rendering;
using Reporting.Typesetting.Volume;

namespace Reporting.Typesetting;

/// <summary>
/// Typesets reports as GB/T 9704-2012 official documents with PDFsharp. Create once and share: it holds
/// only the parsed fonts, and each render builds its own layout state and PDF document.
/// </summary>
public sealed class GbtTypesetter : IReportTypesetter, IGlyphCoverage
{
    private readonly FontSet _fonts;
    private readonly TextComposer _composer;

    public GbtTypesetter(FontSet fonts)
    {
        _fonts = fonts ?? throw new ArgumentNullException(nameof(fonts));
        _composer = new TextComposer(fonts);
        // Reading the faces and PDFsharp's parse of them is most of a first render: start it now, in parallel,
        // so a fresh process (or a new Functions worker) overlaps it with reading its input.
        _ = Task.Run(() => Parallel.ForEach(_fonts.Roles.DistinctBy(r => r.PrimaryKey), role =>
        {
            try { PdfSurface.Warm(role.Primary); }
            catch (Exception e) when (
                e is FontConfigurationException or IOException or InvalidOperationException)
            { /* reported by the render that needs the face */ }
        }));
    }

    public static GbtTypesetter CreateDefault() => new(FontSet.Load(TypesettingOptions.CreateDefault()));

    public RenderedPdf Render(ReportDocument document) => RenderSealed(document, null).Pdf;

    /// <summary>
    /// The PDF, and when <paramref name="ofd"/> is given the same pages as an OFD (GB/T 33190-2016) written into it:
    /// one layout, drawn by both surfaces, so the two cannot disagree.
    /// </summary>
    public RenderedPdf Render(ReportDocument document, Stream? ofd) => RenderSealed(document, ofd).Pdf;

    /// <summary>The report as PDF and as OFD, from one layout: the two files of a stored version.</summary>
    public TypesetReport Typeset(ReportDocument document)
    {
        using var ofd = new MemoryStream();
        var pdf = Render(document, ofd);
        return new TypesetReport(pdf, ofd.ToArray());
    }

    /// <summary>The report (and its OFD when asked) and where its seal was drawn, for a signer whose visible signature is the seal.</summary>
    internal RenderResult RenderSealed(ReportDocument document, Stream? ofd = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        RefuseMissing(document.AllText());
        var layout = new ReportLayout(_composer);
        var structure = StructureNode.Root();
        var root = layout.Build(document, structure);
        using var surface = new PdfSurface();
        using var ofdSurface = ofd is null ? null : new OfdSurface(ofd, document.Info);
        var pages = Paginator.Run(root, ofdSurface is null ? surface : new TeeSurface(surface, ofdSurface), new PagingState(), layout.Folio);
        surface.Finish(document.Info, structure);
        ofdSurface?.Finish();
        var pdf = surface.Save();
        var seals = surface.Seals;
        return new RenderResult(new RenderedPdf(pdf, pages), seals.Count > 0 ? seals[0] : null);
    }

    /// <summary>The compiled volume (汇编): see <see cref="VolumeRenderer"/> for its order and page numbering.</summary>
    public int RenderVolume(VolumeDocument volume, Stream output) => RenderVolume(volume, output, null);

    public int TypesetVolume(VolumeDocument volume, Stream pdf, Stream ofd) => RenderVolume(volume, pdf, ofd ?? throw new ArgumentNullException(nameof(ofd)));

    /// <summary>The compiled volume as PDF into <paramref name="output"/> and, when given, as OFD into <paramref name="ofd"/>, both streamed page by
    /// page.</summary>
    public int RenderVolume(VolumeDocument volume, Stream output, Stream? ofd) => RenderVolumeSealed(volume, output, ofd).Pages;

    /// <summary>
    /// The volume as <see cref="RenderVolume(VolumeDocument, Stream, Stream?)"/> writes it, and where its cover's seal was drawn (null: none).
    /// </summary>
    internal (int Pages, SealPlacement? CoverSeal) RenderVolumeSealed(VolumeDocument volume, Stream output, Stream? ofd = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(output);
        RefuseMissing(VolumeLayout.OwnText(volume).Concat(volume.Reports.SelectMany(r => r.Report.AllText())));
        return new VolumeRenderer(_composer).Render(volume, output, ofd);
    }

    public IReadOnlyList<MissingGlyph> FindMissing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missing = new List<MissingGlyph>();
        int line = 1, column = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n') { line++; column = 0; continue; }
            column++;
            if (rune.Value is '\t' or '\r' || Layout.Clreq.IsInvisible(rune)) continue;
            if (!_fonts.Covers(rune.Value)) missing.Add(new MissingGlyph(rune.ToString(), rune.Value, line, column));
        }
        return missing;
    }

    private void RefuseMissing(IEnumerable<string> texts)
    {
        var missing = texts.SelectMany(FindMissing).ToList();
        if (missing.Count > 0) throw new MissingGlyphException(missing);
    }
}
