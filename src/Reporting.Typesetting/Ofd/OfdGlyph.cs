using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>A glyph at its page position in whole micrometres: X of its origin from the page's left, Y of its baseline from the page's top.</summary>
internal readonly record struct OfdGlyph(PlacedGlyph Glyph, long X, long Y);
