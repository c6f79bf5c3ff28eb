namespace Reporting.Typesetting.Ofd;

/// <summary>What a file in the container holds, which decides how it is packed (see <see cref="OfdPackage"/>).</summary>
internal enum OfdContent
{
    /// <summary>XML: deflated at the fastest level (a page shrinks to a third).</summary>
    Markup,

    /// <summary>
    /// A TrueType subset: Huffman coding only. Glyph outlines hold few repeats to match, so that came out smaller than
    /// deflating them at the fastest level (200 against 227 KB for the bench report's main face) and cheaper.
    /// </summary>
    Font,

    /// <summary>A PNG: stored, it is deflated already.</summary>
    Image,
}
