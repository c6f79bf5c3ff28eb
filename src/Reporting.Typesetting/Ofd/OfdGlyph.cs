using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// A glyph at its page position: X of its origin from the page's left in points, as the layout computed it (so that
/// evenly spaced glyphs show equal steps), Y of its baseline from the page's top in whole micrometres. The glyph itself
/// stays in its line's array and is read in place: copying its 72 bytes into every page list and out again on every
/// comparison was a tenth of what the OFD's writer did.
/// </summary>
internal readonly struct OfdGlyph(PlacedGlyph[] line, int index, double x, long y)
{
    private readonly PlacedGlyph[] _line = line;
    private readonly int _index = index;

    public ref readonly PlacedGlyph Glyph => ref _line[_index];

    public double X { get; } = x;

    public long Y { get; } = y;
}
