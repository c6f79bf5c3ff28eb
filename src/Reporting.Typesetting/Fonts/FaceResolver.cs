using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Reporting.Typesetting.Fonts;

/// <summary>
/// PDFsharp takes one font resolver per process and only once, so this single instance serves every
/// face any <see cref="FontSet"/> registers, by the face's key (file and index), never by a system name.
/// </summary>
internal sealed class FaceResolver : IFontResolver
{
    public static readonly FaceResolver Instance = new();
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, FontFace> _faces = new(StringComparer.Ordinal);

    private FaceResolver() { }

    public static void Register(FontFace face)
    {
        EnsureInstalled();
        Instance._faces.TryAdd(face.Key, face);
    }

    private static void EnsureInstalled()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
        lock (Gate)
        {
            if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("Another PDFsharp font resolver is installed in this process; the typesetter needs its own.");
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, isBold, isItalic) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var face) ? face.Data : null;
}
