namespace Reporting.Core.Drafts;

/// <summary>Answers which characters of a text no configured face can draw, so they are refused before they are stored.</summary>
public interface IGlyphCoverage
{
    IReadOnlyList<MissingGlyph> FindMissing(string text);
}

/// <summary>A character no face can draw, where it stands (1-based line and column, counting 𠮷 once).</summary>
public sealed record MissingGlyph(string Character, int CodePoint, int Line, int Column);
