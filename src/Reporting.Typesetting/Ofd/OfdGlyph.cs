using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A glyph at its page position: X of its origin from the page's left in points, as the layout computed it (so that
/// evenly spaced glyphs show equal steps), Y of its baseline from the page's top in whole micrometres.
/// </summary>
internal readonly record struct OfdGlyph(PlacedGlyph Glyph, double X, long Y);
