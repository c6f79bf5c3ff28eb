using Reporting.Core.Drafts;


namespace Reporting.Typesetting;

/// <summary>
/// Thrown when asked to typeset a character no configured face can draw: drawing it would print an
/// empty box, so the document is refused instead. Submission checks coverage first; this is the backstop.
/// </summary>
public sealed class MissingGlyphException(IReadOnlyList<MissingGlyph> missing)
    : Exception("没有任何已配置的字体能显示以下字符：" + string.Join("、", missing.Select(m => $"“{m.Character}”（U+{m.CodePoint:X4}）")))
{
    public IReadOnlyList<MissingGlyph> Missing { get; } = missing;
}
