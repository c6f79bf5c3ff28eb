using System.Text;

namespace Reporting.Core.Drafts;

/// <summary>
/// Characters that are not seen yet change what is seen: bidirectional overrides and isolates reorder the text
/// around them (“Trojan Source”), invisible operators, tags and fillers hide content or make two different strings
/// look alike. An official document must read the same to everyone, so these are refused. Zero-width space, BOM
/// and soft hyphen only affect line breaking and stay allowed.
/// </summary>
public static class DisguisingCharacters
{
    /// <summary>What <paramref name="rune"/> is when it is one of them; otherwise null.</summary>
    public static DisguiseKind? Describe(Rune rune) => rune.Value switch
    {
        >= 0x202A and <= 0x202E => DisguiseKind.BidiEmbeddingOrOverride,
        >= 0x2066 and <= 0x2069 => DisguiseKind.BidiIsolate,
        0x200E or 0x200F or 0x061C => DisguiseKind.DirectionMark,
        >= 0x206A and <= 0x206F => DisguiseKind.DeprecatedFormat,
        >= 0x2061 and <= 0x2064 => DisguiseKind.InvisibleOperator,
        >= 0xFFF9 and <= 0xFFFB => DisguiseKind.InterlinearAnnotation,
        >= 0xE0000 and <= 0xE007F => DisguiseKind.Tag,
        0x180E or 0x115F or 0x1160 or 0x3164 or 0xFFA0 => DisguiseKind.InvisibleFiller,
        _ => null,
    };
}
