using System.Text;
using Reporting.Typesetting.Fonts;
using static Reporting.Typesetting.Fonts.SfntReader;

namespace Reporting.Typesetting.Ofd;

/// <summary>A face's PostScript and family names from its name table, as an OFD Font's FontName and FamilyName.</summary>
internal static class FontNames
{
    public static (string FontName, string FamilyName) Of(FontFace face)
    {
        var fallback = Path.GetFileNameWithoutExtension(face.Path);
        var postScript = Read(face.Data, 6) ?? Read(face.Data, 4) ?? fallback;
        return (postScript, Read(face.Data, 1) ?? postScript);
    }

    /// <summary>A name in Windows Unicode (US English preferred), else a Macintosh Roman one.</summary>
    private static string? Read(byte[] font, int nameId)
    {
        if (Find(Tables(font, 0), "name") is not { } table) return null;
        var at = table.Offset;
        int count = U16(font, at + 2), strings = at + U16(font, at + 4);
        string? found = null;
        var rank = int.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var r = at + 6 + 12 * i;
            int platform = U16(font, r), encoding = U16(font, r + 2), language = U16(font, r + 4), id = U16(font, r + 6);
            int length = U16(font, r + 8), offset = U16(font, r + 10);
            if (id != nameId) continue;
            var candidate = platform == 3 && encoding is 1 or 10 ? (language == 0x409 ? 0 : 1) : platform == 1 && encoding == 0 ? 2 : int.MaxValue;
            if (candidate >= rank) continue;
            var bytes = font.AsSpan(strings + offset, length);
            found = platform == 3 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            rank = candidate;
        }
        return string.IsNullOrWhiteSpace(found) ? null : found.Trim();
    }
}
