using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Ofd;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// Typesets the compiled volume (汇编) into one PDF document.
/// <para>
/// Page numbering: the volume's page numbers are its physical page numbers, running through the whole
/// volume, so an odd number is always a right-hand page and the side of every number is right. The cover
/// (page 1) and every blank page (the cover's back, and the left-hand pages inserted so that a section
/// starts on a right-hand page) are counted but print nothing, not even a number [7.5]; the table of
/// contents, the reports and the status page print theirs, `— n —` on the outer side as in a lone report.
/// </para>
/// <para>
/// Order: cover, blank, table of contents (from page 3), then each report and finally the status page, each
/// starting on a right-hand (odd) page. Each report is laid out by <see cref="ReportLayout"/> exactly as
/// when typeset alone; only its page numbers continue the volume's.
/// </para>
/// <para>
/// Two passes, and the PDF streamed: the first paginates everything on a surface that draws nothing, to learn
/// the page each section starts on (the contents' length does not depend on the numbers it shows), the page
/// count and every glyph each face must carry. Then the font subsets are written, and the second pass writes
/// each page to the output as it ends. A report's element tree is built in each pass and dropped after it, so
/// what is in memory is one report's layout and one page, whatever the number of departments; only the
/// bookmarks and the cross-reference offsets grow with the volume (a few bytes per page).
/// </para>
/// </summary>
internal sealed class VolumeRenderer(TextComposer composer)
{
    private static readonly ComposedLine NoFolio = new([], 0);

    /// <param name="ofd">Where the same pages go as an OFD, streamed too (null: PDF only).</param>
    /// <returns>The page count, and where the cover's seal was drawn (null: the volume has no seal), for the visible signature.</returns>
    public (int Pages, SealPlacement? CoverSeal) Render(VolumeDocument volume, Stream output, Stream? ofd = null)
    {
        var layout = new VolumeLayout(composer);
        // The tree: the cover's title (H1), compiler and month (P) and seal (Figure); the contents as a Sect with its H1 and
        // a TOC; each report a Sect with its own H1; the status page a Sect. Elements are built in each pass (and dropped
        // after it), so each build takes the node its structure goes under.
        var contentsSection = StructureNode.Root().Add(StructureRole.Sect);
        var (contents, entries) = layout.Contents(volume, contentsSection);
        var sections = new List<(string Bookmark, Func<StructureNode, LayoutElement> Root)>();
        foreach (var entry in volume.Reports) sections.Add((entry.DepartmentName, section => layout.Reports.Build(entry.Report, section)));
        sections.Add((VolumeLayout.StatusHeading, section => layout.Status(volume, section)));

        // First pass: where each section starts, and the glyphs. Cover and its blank back are pages 1 and 2.
        var counter = new CountingSurface();
        layout.DrawCover(volume, counter, StructureNode.Root());
        var pages = 2 + Paginator.Run(contents, counter, new PagingState { PageNumber = 2 }, layout.Reports.Folio);
        for (var i = 0; i < sections.Count; i++)
        {
            pages += pages % 2;
            entries[i].Target = pages + 1;
            pages += Paginator.Run(sections[i].Root(StructureNode.Root()), counter, new PagingState { PageNumber = pages }, layout.Reports.Folio);
        }
        Paginator.Run(contents, counter, new PagingState { PageNumber = 2 }, layout.Reports.Folio); // the page numbers it lists

        var writer = new PdfStreamWriter(output);
        writer.WriteHeader();
        var (fonts, images) = FontSubsets.Embed(writer, counter.Used, counter.Seals.Values, volume.Info);
        var (catalog, pagesObject, info) = (writer.Allocate(), writer.Allocate(), writer.Allocate());
        var firstPage = writer.Allocate();
        for (var i = 1; i < pages; i++) writer.Allocate();

        // Second pass: draw, page by page into the stream (and into the OFD's, through the same layout).
        var surface = new VolumeSurface(writer, fonts, images, firstPage, pagesObject, pages);
        var structure = surface.Structure;
        using var ofdSurface = ofd is null ? null : new OfdSurface(ofd, volume.Info);
        IPageSurface target = ofdSurface is null ? surface : new TeeSurface(surface, ofdSurface);
        target.BeginPage(1);
        var cover = StructureNode.Root();
        layout.DrawCover(volume, target, cover);
        target.EndPage();
        var coverElements = structure.Flush(cover.Children);
        var coverSeal = surface.CoverSeal is { } drawn
            ? drawn.Placement with { FigureElement = drawn.Node is { } figure && coverElements.TryGetValue(figure, out var number) ? number : null }
            : null;
        BlankPage(target, surface);
        Section(target, contents, VolumeLayout.ContentsBookmark, surface, ofdSurface, layout.Reports.Folio);
        structure.Flush([contentsSection]);
        for (var i = 0; i < sections.Count; i++)
        {
            if (surface.Pages % 2 == 1) BlankPage(target, surface);
            if (surface.Pages + 1 != entries[i].Target)
                throw new InvalidOperationException($"Section {i} starts on page {surface.Pages + 1}, but the contents say {entries[i].Target}.");
            var section = StructureNode.Root().Add(StructureRole.Sect);
            Section(target, sections[i].Root(section), sections[i].Bookmark, surface, ofdSurface, layout.Reports.Folio);
            structure.Flush([section]);
        }
        structure.Finish();
        if (surface.Pages != pages) throw new InvalidOperationException($"The volume drew {surface.Pages} pages, but the first pass counted {pages}.");
        ofdSurface?.Finish(expandOutline: false);

        writer.WriteObject(pagesObject,
            $"<</Type/Pages/Count {pages}/Kids[{string.Join(' ', Enumerable.Range(1, pages).Select(p => $"{surface.PageObject(p)} 0 R"))}]>>");
        var outlines = VolumeOutline.Write(writer, surface);
        writer.WriteObject(info, Info(volume.Info));
        var metadata = writer.Allocate();
        writer.WriteStream(metadata, "/Type/Metadata/Subtype/XML",
            System.Text.Encoding.UTF8.GetBytes(Archive.ArchiveMetadata.Xmp(volume.Info, Producer, volume.Info.CreatedAt)), compress: false);
        var profile = writer.Allocate();
        writer.WriteStream(profile, "/N 3", Archive.SrgbProfile.Data);
        var name = PdfStreamWriter.Text(Archive.SrgbProfile.Name);
        writer.WriteObject(catalog, $"<</Type/Catalog/Pages {pagesObject} 0 R/Outlines {outlines} 0 R/PageMode/UseOutlines/Lang({volume.Info.Language})" +
            $"/Metadata {metadata} 0 R/StructTreeRoot {structure.TreeRoot} 0 R/MarkInfo<</Marked true>>/ViewerPreferences<</DisplayDocTitle true>>" +
            $"/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier {name}/Info {name}/DestOutputProfile {profile} 0 R>>]>>");
        writer.Finish(catalog, info);
        return (pages, coverSeal);
    }

    /// <summary>What the volume's Info dictionary and XMP name as its producer.</summary>
    private const string Producer = "Reporting.Typesetting";

    private static string Info(Reporting.Core.Documents.DocumentInfo info)
    {
        var date = "(D:" + info.CreatedAt.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
            + (info.CreatedAt.Offset < TimeSpan.Zero ? "-" : "+")
                + info.CreatedAt.Offset.ToString("hh\\'mm\\'", System.Globalization.CultureInfo.InvariantCulture) + ")";
        return $"<</Title {PdfStreamWriter.Text(info.Title)}/Author {PdfStreamWriter.Text(info.Author)}/Subject {PdfStreamWriter.Text(info.Subject)}" +
            $"/Creator {PdfStreamWriter.Text(Archive.ArchiveMetadata.CreatorTool)}/Producer {PdfStreamWriter.Text(Producer)}/CreationDate {date}/ModDate "
                + $"{date}>>";
    }

    private static void Section(IPageSurface target, LayoutElement root, string bookmark, VolumeSurface pdf, OfdSurface? ofd, Func<int, ComposedLine?> folio)
    {
        pdf.SectionBookmark = bookmark;
        if (ofd is not null) ofd.SectionBookmark = bookmark;
        Paginator.Run(root, target, new PagingState { PageNumber = pdf.Pages }, folio);
    }

    /// <summary>A page with nothing on it, not even its number [7.5].</summary>
    private static void BlankPage(IPageSurface target, VolumeSurface pdf)
    {
        target.BeginPage(pdf.Pages + 1);
        target.EndPage();
    }
}
