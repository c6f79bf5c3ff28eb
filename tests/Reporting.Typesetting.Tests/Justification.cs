using UglyToad.PdfPig.Content;

namespace Reporting.Typesetting.Tests;

/// <summary>What the justification checks need to know about a letter read back from the PDF.</summary>
internal static class Justification
{
    public static bool IsLatin(Letter letter) => letter.Value.Length == 1 && letter.Value[0] is > ' ' and < '\u007F';

    public static bool IsCjk(Letter letter) => letter.Value.EnumerateRunes().First().Value is >= 0x2E80 and < 0xFF00 or >= 0x20000;

    /// <summary>
    /// Where the line's last cell ends: a closing mark set half-width at the line end (compression) keeps its ink
    /// where a full cell would put it, so its glyph box reaches half a cell past its cell, beyond <paramref name="right"/>.
    /// </summary>
    public static double CellEnd(PdfLine line, double right)
    {
        var last = line.Letters[^1];
        var closing = "、，。；：）」』》”’】〕〉".Contains(last.Value, StringComparison.Ordinal);
        return closing && line.End > right + PdfPages.CharPitch / 4 ? line.End - PdfPages.CharPitch / 2 : line.End;
    }
}
