namespace Reporting.Typesetting;

/// <summary>
/// Configuration section "Typesetting": which font files play which role. The free Debian faces are the
/// defaults; an office that owns 仿宋_GB2312, 方正小标宋 and the like points the roles at them.
/// </summary>
public sealed class TypesettingOptions
{
    public const string SectionName = "Typesetting";

    /// <summary>Looked in first for every configured file (by its file name), before the configured path.</summary>
    public string? FontDirectory { get; set; }

    /// <summary>Role (see <see cref="FontRoles"/>) → face. A role left out gets its default.</summary>
    public Dictionary<string, FontFaceOptions> Fonts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public static TypesettingOptions CreateDefault()
    {
        var options = new TypesettingOptions();
        foreach (var role in FontRoles.All) options.Fonts[role] = DefaultFace(role);
        return options;
    }

    internal const string UMing = "/usr/share/fonts/truetype/arphic/uming.ttc";
    internal const string UKai = "/usr/share/fonts/truetype/arphic/ukai.ttc";
    internal const string MicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    internal const string WenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
    internal const string DroidFallback = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>
    /// Face index 0 is the CN face in all three Debian collections (AR PL UMing CN, AR PL UKai CN,
    /// WenQuanYi Micro Hei). UMing lacks Ext-B (𠮷) and Ext-A (㐀): WenKai carries 𠮷, Droid Sans Fallback 㐀.
    /// </summary>
    public static FontFaceOptions DefaultFace(string role) => new()
    {
        File = role switch
        {
            FontRoles.Hei => MicroHei,
            FontRoles.Kai => UKai,
            _ => UMing,
        },
        Index = 0,
        // No free 小标宋 exists: bold Song stands in for it, drawn with synthetic bold.
        SimulateBold = string.Equals(role, FontRoles.XiaoBiaoSong, StringComparison.OrdinalIgnoreCase),
        Fallbacks = [new FontFaceOptions { File = WenKai }, new FontFaceOptions { File = DroidFallback }],
    };
}

/// <summary>One face: a .ttf/.otf (TrueType outlines) or a face of a .ttc collection.</summary>
public sealed class FontFaceOptions
{
    public string File { get; set; } = "";

    /// <summary>Face number inside a .ttc collection; 0 for a single-face file.</summary>
    public int Index { get; set; }

    /// <summary>Draw with synthetic bold (for a regular face standing in for a bold one).</summary>
    public bool SimulateBold { get; set; }

    /// <summary>Faces asked, in order, for characters this face lacks.</summary>
    public List<FontFaceOptions> Fallbacks { get; set; } = [];
}

/// <summary>The roles GB/T 9704 gives faces.</summary>
public static class FontRoles
{
    /// <summary>仿宋: body text, recipient, signature, date, levels 3 and 4.</summary>
    public const string FangSong = "FangSong";
    /// <summary>小标宋: the title.</summary>
    public const string XiaoBiaoSong = "XiaoBiaoSong";
    /// <summary>黑体: 一、 headings.</summary>
    public const string Hei = "Hei";
    /// <summary>楷体: （一） headings.</summary>
    public const string Kai = "Kai";
    /// <summary>宋体: page numbers.</summary>
    public const string Song = "Song";

    public static IReadOnlyList<string> All { get; } = [FangSong, XiaoBiaoSong, Hei, Kai, Song];
}
