namespace Reporting.Typesetting.Layout;

/// <summary>Character classes of W3C clreq that line breaking and the grid need.</summary>
internal static class Clreq
{
    /// <summary>Never at the start of a line (clreq 3.1.7): closing and pause marks.</summary>
    public static bool IsNoStart(int c) => c switch
    {
        '，' or '。' or '、' or '；' or '：' or '？' or '！' or '）' or '》' or '」' or '』' or '】' or '〕' or '〉' or '〗' or '〙' or '’' or '”' => true,
        '．' or '％' or '‰' or '℃' or '｝' or '］' or '〞' => true,
        ',' or '.' or ';' or ':' or '?' or '!' or ')' or ']' or '}' or '%' => true,
        _ => false,
    };

    /// <summary>Never at the end of a line: opening brackets and quotes.</summary>
    public static bool IsNoEnd(int c) => c switch
    {
        '（' or '《' or '「' or '『' or '【' or '〔' or '〈' or '〖' or '〘' or '‘' or '“' or '｛' or '［' or '〝' => true,
        '(' or '[' or '{' => true,
        _ => false,
    };

    /// <summary>
    /// Format characters (zero-width space, joiners, BOM, soft hyphen) that pasted Word text brings along:
    /// they draw nothing, so they are neither set nor refused.
    /// </summary>
    public static bool IsInvisible(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format;

    /// <summary>A number keeps the date unit written after it (2023年, 12月, 31日).</summary>
    public static bool IsDateUnit(int c) => c is '年' or '月' or '日';

    /// <summary>…… and —— are two characters that form one mark and are never split.</summary>
    public static bool IsPairedMark(int c) => c is '…' or '—' or '⋯';

    /// <summary>Letters, digits and the ASCII marks that belong to a Latin/number run (ISO 9001, GB/T 9704-2012, a URL).</summary>
    public static bool IsRunCharacter(int c) => c is > 0x20 and < 0x7F || c is >= 0xC0 and < 0x250;

    /// <summary>
    /// Where a run too long for a line may break: after its own separators, but not inside a number
    /// (356.7); commas and colons are not break points.
    /// </summary>
    public static bool IsRunBreakAfter(IReadOnlyList<int> text, int i)
    {
        var c = text[i];
        if (c is '.' && i > 0 && i + 1 < text.Count && IsAsciiDigit(text[i - 1]) && IsAsciiDigit(text[i + 1])) return false;
        return c is ' ' or '/' or '-' or '.' or '?' or '&';
    }

    /// <summary>
    /// Where a line that must be spread may take extra space: between CJK characters and at CJK/Latin
    /// boundaries, never inside a number or a Latin word (nor inside …… / ——) [clreq 3.1.6].
    /// </summary>
    public static bool IsStretchable(int before, int after) =>
        !(IsLatin(before) && IsLatin(after)) && !(before == after && IsPairedMark(before));

    /// <summary>
    /// The most a spread line opens between two characters, in ems. A line that would need more was broken in
    /// the wrong place; only a line that ends inside a run broken at its own punctuation may fall short of it.
    /// </summary>
    public const double MaxStretch = 0.25;

    private static bool IsLatin(int c) => c == ' ' || IsRunCharacter(c);

    private static bool IsAsciiDigit(int c) => c is >= '0' and <= '9';

    /// <summary>Characters set in a full cell of the grid (East Asian wide, and the punctuation Chinese fonts draw wide).</summary>
    public static bool IsFullWidth(int c) =>
        c is >= 0x2E80 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE10 and <= 0xFE1F
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF01 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD
        or 0x2014 or 0x2015 or 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x22EF or 0x203B
        or >= 0x2460 and <= 0x24FF
        or >= 0x25A0 and <= 0x25FF
        or >= 0x2600 and <= 0x26FF;
}
