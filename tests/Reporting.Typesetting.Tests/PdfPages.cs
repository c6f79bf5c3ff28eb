using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Reporting.Typesetting.Tests;

/// <summary>A typeset PDF read back with PdfPig: per page, the lines of the text block by grid slot, and the folio.</summary>
internal sealed class PdfPages
{
    public const double Mm = 72 / 25.4;
    public const double PageHeight = 297 * Mm;
    public const double Top = 37 * Mm;
    public const double BlockWidth = 156 * Mm;
    public const double LinePitch = 225 * Mm / 22;
    public const double CharPitch = BlockWidth / 28;
    public const double FirstBaseline = (LinePitch - 16) / 2 + 0.88 * 16;

    public required IReadOnlyList<PdfPageLines> Pages { get; init; }

    public static PdfPages Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfPages { Pages = document.GetPages().Select(PdfPageLines.From).ToList() };
    }

    /// <summary>Every body line in reading order, with what follows it, across pages.</summary>
    public IEnumerable<(PdfLine Line, PdfLine? Next)> LinesInOrder()
    {
        var all = Pages.SelectMany(p => p.Lines).ToList();
        for (var i = 0; i < all.Count; i++) yield return (all[i], i + 1 < all.Count ? all[i + 1] : null);
    }
}

internal sealed record PdfPageLines(int Number, double Left, IReadOnlyList<PdfLine> Lines, PdfLine? Folio)
{
    public double Right => Left + PdfPages.BlockWidth;

    public static PdfPageLines From(Page page)
    {
        var left = page.Number % 2 == 1 ? 28 * PdfPages.Mm : 26 * PdfPages.Mm;
        // A face's first glyph in a document is drawn by PDFsharp, whose baseline can differ from ours in the
        // fourth decimal: letters within 0.05 pt of a line's baseline belong to it (rounding could split them).
        var groups = new List<List<Letter>>();
        var baselines = new List<double>();
        foreach (var letter in page.Letters.OrderByDescending(l => l.StartBaseLine.Y))
        {
            if (groups.Count == 0 || baselines[^1] - letter.StartBaseLine.Y > 0.05)
            {
                groups.Add([]);
                baselines.Add(letter.StartBaseLine.Y);
            }
            groups[^1].Add(letter);
        }
        var lines = groups
            .Where(g => g.Any(l => !string.IsNullOrWhiteSpace(l.Value)))
            .Select(g =>
            {
                var all = g.OrderBy(l => l.StartBaseLine.X).ToList();
                return new PdfLine(page.Number, all.First(l => !string.IsNullOrWhiteSpace(l.Value)).StartBaseLine.Y,
                    [.. all.Where(l => !string.IsNullOrWhiteSpace(l.Value))])
                { WithSpaces = all };
            })
            .ToList();
        var blockBottom = PdfPages.PageHeight - PdfPages.Top - 225 * PdfPages.Mm;
        return new PdfPageLines(page.Number, left, lines.Where(l => l.Baseline > blockBottom).ToList(), lines.FirstOrDefault(l => l.Baseline < blockBottom));
    }
}

internal sealed record PdfLine(int Page, double Baseline, IReadOnlyList<Letter> Letters)
{
    /// <summary>The letters with the spaces between words, which <see cref="Letters"/> leaves out.</summary>
    public IReadOnlyList<Letter> WithSpaces { get; init; } = Letters;

    public double Start => Letters[0].StartBaseLine.X;
    public double End => Letters[^1].EndBaseLine.X;
    public string Text => string.Concat(Letters.Select(l => l.Value));

    /// <summary>Grid slot of this baseline, as a real number: on the grid it is a whole number 0–21.</summary>
    public double Slot => (PdfPages.PageHeight - PdfPages.Top - PdfPages.FirstBaseline - Baseline) / PdfPages.LinePitch;

    public int SlotIndex => (int)Math.Round(Slot);
}
