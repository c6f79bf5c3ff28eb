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

    /// <summary>
    /// Where <c>.ci/setup</c> puts the Fandol faces, converted once from Debian's CFF-outline .otf files
    /// (texlive-lang-chinese) to TrueType outlines, which is what PDFsharp embeds. The build ships them as fonts/.
    /// </summary>
    public const string FandolDirectory = "/usr/local/share/reporting/fandol";
    internal const string FandolFang = FandolDirectory + "/FandolFang-Regular.ttf";
    internal const string FandolSong = FandolDirectory + "/FandolSong-Regular.ttf";
    internal const string FandolSongBold = FandolDirectory + "/FandolSong-Bold.ttf";
    internal const string FandolHei = FandolDirectory + "/FandolHei-Regular.ttf";
    internal const string FandolKai = FandolDirectory + "/FandolKai-Regular.ttf";
    internal const string LiberationSerif = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";
    internal const string LiberationSerifBold = "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf";
    internal const string UMing = "/usr/share/fonts/truetype/arphic/uming.ttc";
    internal const string UKai = "/usr/share/fonts/truetype/arphic/ukai.ttc";
    internal const string MicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    internal const string WenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";
    internal const string DroidFallback = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>
    /// The Fandol family (GPL with the font exception, so embedding is allowed) for the CJK roles, Liberation Serif
    /// (Times metrics) for Latin and digits. Each Fandol face is asked in two files: its common characters (ASCII,
    /// GB2312 symbols and level 1), then the whole face. Fandol covers GB2312 and a few thousand more: what it lacks comes from
    /// AR PL UMing (the previous default, so every text accepted before is still drawn), then LXGW WenKai (𠮷, Ext-B)
    /// and Droid Sans Fallback (㐀, Ext-A). Face index 0 of uming.ttc is AR PL UMing CN.
    /// </summary>
    public static FontFaceOptions DefaultFace(string role)
    {
        if (FontRoles.IsLatin(role)) return new FontFaceOptions { File = role == FontRoles.LatinBold ? LiberationSerifBold : LiberationSerif };
        var fandol = role switch
        {
            FontRoles.XiaoBiaoSong => FandolSongBold,
            FontRoles.Hei => FandolHei,
            FontRoles.Kai => FandolKai,
            FontRoles.Song => FandolSong,
            _ => FandolFang,
        };
        // The face's common characters first (a file well under half the size: what a cold render reads and PDFsharp
        // checksums and parses), the whole face for the rest; both are the same Fandol outlines and metrics.
        return new FontFaceOptions
        {
            File = Common(fandol),
            Fallbacks = [new FontFaceOptions { File = fandol }, new FontFaceOptions { File = UMing }, new FontFaceOptions { File = WenKai },
                new FontFaceOptions { File = DroidFallback }],
        };
    }

    /// <summary>FandolFang-Regular.ttf → FandolFang-Regular.common.ttf, cut by <c>.ci/fandol-common.py</c>.</summary>
    internal static string Common(string fandolFile) => System.IO.Path.ChangeExtension(fandolFile, ".common.ttf");
}

/// <summary>One face: a .ttf/.otf with TrueType outlines, or a face of a .ttc collection.</summary>
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
    /// <summary>Latin letters, Arabic numerals and their punctuation in body text and headings (Times New Roman in practice); page numbers keep the Song
    /// face.</summary>
    public const string Latin = "Latin";
    /// <summary>Latin letters and numerals in the title, a bold serif beside 小标宋 (Times New Roman Bold in practice).</summary>
    public const string LatinBold = "LatinBold";

    public static IReadOnlyList<string> All { get; } = [FangSong, XiaoBiaoSong, Hei, Kai, Song, Latin, LatinBold];

    internal static bool IsLatin(string role) =>
        string.Equals(role, Latin, StringComparison.OrdinalIgnoreCase) || string.Equals(role, LatinBold, StringComparison.OrdinalIgnoreCase);
}
