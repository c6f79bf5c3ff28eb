using System.Collections.Concurrent;
using Reporting.Typesetting.Fonts;

namespace Reporting.Typesetting;

/// <summary>
/// The faces of every role, checked at start-up (a missing file throws <see cref="FontConfigurationException"/>
/// naming the role and the file) and parsed on first use, so a process that never needs a fallback never reads it.
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
        return new FontSet(roles);
    }

    internal RoleFaces Role(string role) => _roles[role];

    /// <summary>
    /// The face that draws <paramref name="codePoint"/> in <paramref name="role"/>: the role's own chain first,
    /// then any other role's faces, so whatever <see cref="Covers"/> accepts can always be drawn.
    /// </summary>
    internal FontFace? FaceFor(string role, int codePoint) => FaceFor(_roles[role], codePoint);

    internal FontFace? FaceFor(RoleFaces role, int codePoint)
    {
        var own = role.FaceFor(codePoint);
        if (own is not null) return own;
        foreach (var other in _all)
            if (other.FaceFor(codePoint) is { } face) return face;
        return null;
    }

    /// <summary>Each role's primary face, for warming up before the first render.</summary>
    internal IEnumerable<RoleFaces> Roles => _all;

    internal bool Covers(int codePoint) => FaceFor(FontRoles.FangSong, codePoint) is not null;

    private static Lazy<FontFace> Face(string role, FontFaceOptions face, string? directory)
    {
        var path = FontFiles.Resolve(role, face.File, directory);
        var index = face.Index;
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
                throw new FontConfigurationException($"字体配置错误：角色 {role} 的字体文件“{path}”（第 {index} 个字形）无法读取：{e.Message}", e);
            }
        }));
    }
}

/// <summary>A role's faces in the order they are asked for a character.</summary>
internal sealed class RoleFaces(string role, bool simulateBold, Lazy<FontFace>[] chain)
{
    public string Role { get; } = role;
    public bool SimulateBold { get; } = simulateBold;
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
