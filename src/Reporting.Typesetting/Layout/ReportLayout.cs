using System.Text.RegularExpressions;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Layout;

/// <summary>Builds the element tree of one report: the table of GBT9704.md, element by element.</summary>
internal sealed partial class ReportLayout(TextComposer composer)
{
    /// <param name="bookmark">What the level-0 bookmark says: the title, or in a volume the department.</param>
    /// <param name="structure">
    /// Where the report's structure goes: the title (H1), each 一、 heading (H2), the 主送 line, every paragraph and the
    /// signature block (P), and the seal (Figure) become its children, in reading order.
    /// </param>
    public ColumnElement Build(ReportDocument document, StructureNode structure, string? bookmark = null)
    {
        var elements = new List<LayoutElement> { Title(document.Title, document.Info.Author, structure, bookmark) };
        LinesElement? last = null;
        if (!string.IsNullOrWhiteSpace(document.Recipient))
            elements.Add(last = new LinesElement(composer.Compose(StyledText.Of(document.Recipient, FontRoles.FangSong), LineStyle.Body(0)),
                node: structure.Add(StructureRole.P)));
        LinesElement? heading = null;
        foreach (var block in document.Blocks)
        {
            var element = block.Kind == BlockKind.Heading
                ? new LinesElement(composer.Compose(StyledText.Of(block.Text, FontRoles.Hei), LineStyle.Body()), block.Text, 1, structure.Add(StructureRole.H2))
                : new LinesElement(composer.Compose(Paragraph(block.Text), LineStyle.Body()), node: structure.Add(StructureRole.P));
            // A heading takes the first two lines of what follows to its page, or both go to the next.
            if (heading is not null) heading.KeepWithNext = Math.Min(LinesElement.HeadingKeep, element.Lines.Count);
            heading = block.Kind == BlockKind.Heading ? element : null;
            elements.Add(last = element);
        }
        if (heading is not null) heading.KeepWithNext = 1; // a part with no text: not left alone at a page foot
        var signature = Signature(document.Signature, document.DateText, document.Seal, structure);
        // A seal never stands alone on a page: the body's last line goes over with it when it must.
        if (last is not null) last.KeepLastWithNext = signature.SealedSlots;
        elements.Add(signature);
        return new ColumnElement(elements);
    }

    public TitleElement Title(string title, string? department, StructureNode? structure, string? bookmark = null)
    {
        var lines = composer.Compose(StyledText.Of(title, FontRoles.XiaoBiaoSong), LineStyle.Title,
            (text, widths, style) => TitleBreaker.Break(text, widths, style.Measure, SenseBoundaries(text, department, style.Cell)));
        return new TitleElement([.. lines.Select(Centred)], bookmark ?? title, structure?.Add(StructureRole.H1));
    }

    public static ComposedLine Centred(ComposedLine line) => line with { Offset = (PageGeometry.BlockWidth - line.Width) / 2 };

    /// <summary>A （一） paragraph is run-in: its heading sentence, through the first 。, is Kai; the rest body face.</summary>
    private static StyledText Paragraph(string text)
    {
        var heading = RunInHeading.Length(text);
        if (heading == 0) return StyledText.Of(text, FontRoles.FangSong);
        return heading == text.Length
            ? StyledText.Of(text, FontRoles.Kai)
            : StyledText.Of(text[..heading], FontRoles.Kai).Append(text[heading..], FontRoles.FangSong);
    }

    /// <summary>
    /// Unsealed [7.3.5.2]: signature right-aligned two characters in; the date's first character two characters right
    /// of the signature's. When that pushes the date past the right edge (a long name), the date is right-aligned
    /// two characters in and the signature centred over it.
    /// Sealed [7.3.5.1]: the date right-aligned four characters in (右空四字), the signature centred over it, and the
    /// seal centred on both.
    /// </summary>
    private SignatureElement Signature(string signature, string date, OrganisationSeal? seal, StructureNode structure)
    {
        var two = 2 * PageGeometry.CharPitch;
        var sig = composer.Compose(StyledText.Of(signature, FontRoles.FangSong), LineStyle.Body(0) with { Justify = false })[0];
        var day = composer.Compose(StyledText.Of(date, FontRoles.FangSong), LineStyle.Body(0) with { Justify = false })[0];
        var node = structure.Add(StructureRole.P);
        if (seal is not null)
        {
            var dayStart = PageGeometry.BlockWidth - 2 * two - day.Width;
            var centre = dayStart + day.Width / 2;
            var signatureStart = Math.Min(centre - sig.Width / 2, PageGeometry.BlockWidth - sig.Width);
            var image = SealImage.Of(seal);
            return new SignatureElement(sig with { Offset = signatureStart }, day with { Offset = dayStart }, node,
                new SignatureSeal(image, centre, structure.Add(StructureRole.Figure, DocumentWords.SealAltText(seal))));
        }
        var sigStart = PageGeometry.BlockWidth - two - sig.Width;
        var dateStart = sigStart + two;
        if (dateStart + day.Width > PageGeometry.BlockWidth + 0.01)
        {
            dateStart = PageGeometry.BlockWidth - two - day.Width;
            sigStart = dateStart + (day.Width - sig.Width) / 2;
        }
        return new SignatureElement(sig with { Offset = sigStart }, day with { Offset = dateStart }, node);
    }

    /// <summary>Page number `— n —`, half-width digits, one character in from the outer side [7.5].</summary>
    public ComposedLine? Folio(int pageNumber)
    {
        var line = composer.Compose(StyledText.Of($"— {pageNumber} —", FontRoles.Song), LineStyle.Folio)[0];
        var inset = PageGeometry.FolioSize;
        return line with { Offset = pageNumber % 2 == 1 ? PageGeometry.BlockWidth - inset - line.Width : inset };
    }

    private static Dictionary<int, double> SenseBoundaries(IReadOnlyList<int> text, string? department, double cell)
    {
        var bonus = new Dictionary<int, double>();
        var s = string.Concat(text.Select(char.ConvertFromUtf32));
        var index = 0;
        var positions = new int[s.Length + 1];
        for (var i = 0; i < s.Length; i++) { positions[i] = index; if (!char.IsHighSurrogate(s[i])) index++; }
        positions[s.Length] = index;
        void Add(int charIndex, double weight) { var at = positions[charIndex]; bonus[at] = Math.Max(bonus.GetValueOrDefault(at), weight * cell * cell); }
        var named = string.IsNullOrEmpty(department) ? -1 : s.IndexOf(department, StringComparison.Ordinal);
        if (named >= 0) Add(named + department!.Length, 4);
        foreach (Match m in YearOrAbout().Matches(s)) Add(m.Index + m.Length, 2.5);
        for (var i = s.IndexOf('的'); i >= 0; i = s.IndexOf('的', i + 1)) Add(i + 1, 1.5);
        return bonus;
    }

    [GeneratedRegex(@"关于|\d{4}年度?")]
    private static partial Regex YearOrAbout();
}
