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
    /// <summary>What <paramref name="rune"/> is, in Chinese, when it is one of them; otherwise null.</summary>
    public static string? Describe(Rune rune) => rune.Value switch
    {
        >= 0x202A and <= 0x202E => "双向文本嵌入或覆盖控制符",
        >= 0x2066 and <= 0x2069 => "双向文本隔离控制符",
        0x200E or 0x200F or 0x061C => "文字方向标记",
        >= 0x206A and <= 0x206F => "已废弃的格式控制符",
        >= 0x2061 and <= 0x2064 => "不可见运算符",
        >= 0xFFF9 and <= 0xFFFB => "行间注释控制符",
        >= 0xE0000 and <= 0xE007F => "标签字符",
        0x180E or 0x115F or 0x1160 or 0x3164 or 0xFFA0 => "不可见的填充字符",
        _ => null,
    };
}
