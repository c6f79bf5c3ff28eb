using System.Collections.Concurrent;
using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting;

/// <summary>
/// The faces of every role, checked at start-up (a missing file throws <see cref="FontConfigurationException"/>
/// naming the role and the file) and parsed on first use, so a process that never needs a fallback never reads it.
/// Latin letters, digits and their punctuation are set in the Latin role's face (bold Latin in the title), the
/// rest in the role's own chain: the choice is made here per character, so the composer measures what is drawn.
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, Lazy<FontFace>> Loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoleFaces> _roles;
    private readonly RoleFaces[] _all;

    private FontSet(Dictionary<string, RoleFaces> roles)
    {
        _roles = roles;
        _all = [.. roles.Values];
    }

    public static FontSet Load(TypesettingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roles = new Dictionary<string, RoleFaces>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in FontRoles.All)
        {
            var face = options.Fonts.GetValueOrDefault(role) ?? TypesettingOptions.DefaultFace(role);
            var chain = new[] { face }.Concat(face.Fallbacks)
                .Select(f => Face(role, f, options.FontDirectory))
                .ToArray();
            roles[role] = new RoleFaces(role, face.SimulateBold, chain);
        }
        // Page numbers keep their own face: GB/T 9704 7.5 asks for half-width Song (宋体) digits.
        foreach (var (role, faces) in roles)
        {
            if (FontRoles.IsLatin(role) || string.Equals(role, FontRoles.Song, StringComparison.OrdinalIgnoreCase)) continue;
            faces.Latin = roles[string.Equals(role, FontRoles.XiaoBiaoSong, StringComparison.OrdinalIgnoreCase) ? FontRoles.LatinBold : FontRoles.Latin];
        }
        return new FontSet(roles);
    }

    internal RoleFaces Role(string role) => _roles[role];

    /// <summary>
    /// The face that draws <paramref name="codePoint"/> in <paramref name="role"/>: for Latin text the role's Latin
    /// face, otherwise (or when that lacks it) the role's own chain, then any other role's faces, so whatever
    /// <see cref="Covers"/> accepts can always be drawn.
    /// </summary>
    internal FontFace? FaceFor(string role, int codePoint) => FaceFor(_roles[role], codePoint, out _);

    /// <param name="simulateBold">Whether the face chosen is drawn with synthetic bold: only its own role says so.</param>
    internal FontFace? FaceFor(RoleFaces role, int codePoint, out bool simulateBold)
    {
        if (role.Latin is { } latin && IsLatinText(codePoint) && latin.FaceFor(codePoint) is { } latinFace)
        {
            simulateBold = latin.SimulateBold;
            return latinFace;
        }
        simulateBold = role.SimulateBold;
        var own = role.FaceFor(codePoint);
        if (own is not null) return own;
        foreach (var other in _all)
            if (other.FaceFor(codePoint) is { } face) return face;
        return null;
    }

    /// <summary>
    /// ASCII letters, digits, punctuation and space, and accented Latin letters: what a URL, a standard's number
    /// (GB/T 9704-2012), a year or an English name is made of. Full-width forms (１２８，Ａ) stay with the CJK face.
    /// </summary>
    internal static bool IsLatinText(int codePoint) =>
        codePoint is >= 0x20 and <= 0x7E || (codePoint is >= 0xC0 and <= 0x24F && codePoint is not (0xD7 or 0xF7));

    /// <summary>Each role's primary face, for warming up before the first render.</summary>
    internal IEnumerable<RoleFaces> Roles => _all;

    internal bool Covers(int codePoint) => FaceFor(FontRoles.FangSong, codePoint) is not null;

    private static Lazy<FontFace> Face(string role, FontFaceOptions face, string? directory)
    {
        var path = FontFiles.Resolve(role, face.File, directory);
        var index = face.Index;
        RefuseCff(role, path, index);
        return Loaded.GetOrAdd($"{path}#{index}", _ => new Lazy<FontFace>(() =>
        {
            try
            {
                var loaded = FontFace.Load(path, index);
                FaceResolver.Register(loaded);
                return loaded;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
                throw Unreadable(role, path, index, e);
            }
        }));
    }

    /// <summary>
    /// PDFsharp embeds only TrueType outlines: a CFF-outline face (an unconverted Fandol .otf, most .otf files)
    /// stops start-up here, from the file's first bytes, rather than the first render that needs it.
    /// </summary>
    private static void RefuseCff(string role, string path, int index)
    {
        uint version;
        try { version = TrueTypeCollection.SfntVersion(path, index); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw Unreadable(role, path, index, e);
        }
        if (version == SfntReader.CffTag)
            throw new FontConfigurationException(
                $"字体配置错误：角色 {role} 的字体文件“{path}”是 CFF 轮廓的 OpenType 字体，无法嵌入 PDF；请改用 TrueType 轮廓的字体，或用 .ci/otf-to-ttf.py 转换。");
    }

    private static FontConfigurationException Unreadable(string role, string path, int index, Exception e) =>
        new($"字体配置错误：角色 {role} 的字体文件“{path}”（第 {index} 个字体）无法读取：{e.Message}", e);
}

/// <summary>A role's faces in the order they are asked for a character.</summary>
internal sealed class RoleFaces(string role, bool simulateBold, Lazy<FontFace>[] chain)
{
    public string Role { get; } = role;
    public bool SimulateBold { get; } = simulateBold;

    /// <summary>The faces this role sets Latin text in; null for the Latin roles themselves and for page numbers.</summary>
    public RoleFaces? Latin { get; set; }
    public FontFace Primary => chain[0].Value;

    /// <summary>Which file and face the primary is, without loading it.</summary>
    public Lazy<FontFace> PrimaryKey => chain[0];

    public FontFace? FaceFor(int codePoint)
    {
        foreach (var face in chain)
            if (face.Value.Covers(codePoint)) return face.Value;
        return null;
    }
}
