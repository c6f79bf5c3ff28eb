namespace Reporting.Typesetting.Layout;

/// <summary>
/// GB/T 9704-2012 page and grid, in points. Reading of 5.2.1 for double-sided printing: the binding side
/// (订口, 28 mm) is on the left of odd pages and on the right of even pages, so an even page's left margin
/// is 210 − 28 − 156 = 26 mm. Every line sits in one of 22 slots; its baseline is placed so that a 3号
/// em box is centred in the slot (the ideographic em box has its baseline 0.12 em above its bottom).
/// </summary>
internal static class PageGeometry
{
    public const double Mm = 72 / 25.4;
    public const double PageWidth = 210 * Mm;
    public const double PageHeight = 297 * Mm;
    public const double Top = 37 * Mm;
    public const double BindingMargin = 28 * Mm;
    public const double BlockWidth = 156 * Mm;
    public const double BlockHeight = 225 * Mm;
    public const int LinesPerPage = 22;
    public const int CharsPerLine = 28;
    public const double LinePitch = BlockHeight / LinesPerPage;
    public const double CharPitch = BlockWidth / CharsPerLine;

    public const double BodySize = 16;   // 3号
    public const double TitleSize = 22;  // 2号
    public const double FolioSize = 14;  // 4号
    public const double EmAscent = 0.88;

    /// <summary>Baseline of slot 0, from the top of the text block; slot n is n line pitches lower.</summary>
    public const double FirstBaseline = (LinePitch - BodySize) / 2 + EmAscent * BodySize;

    /// <summary>The page number's em box starts 7 mm below the text block [7.5].</summary>
    public const double FolioBaseline = BlockHeight + 7 * Mm + EmAscent * FolioSize;

    public static double Baseline(int slot) => FirstBaseline + slot * LinePitch;

    /// <summary>Left edge of the text block: 28 mm on odd (1-based) pages, 26 mm on even ones.</summary>
    public static double Left(int pageNumber) => pageNumber % 2 == 1 ? BindingMargin : PageWidth - BindingMargin - BlockWidth;
}
