namespace Reporting.Typesetting.Ofd;

/// <summary>What a file in the container holds, which decides how it is packed (see <see cref="OfdPackage"/>).</summary>
internal enum OfdContent
{
    /// <summary>XML: deflated at the fastest level (a page shrinks to a third).</summary>
    Markup,

    /// <summary>A TrueType subset: Huffman coding only. Glyph outlines hold few repeats to match, so that is as small as deflating them (smaller, measured) and cheaper.</summary>
    Font,

    /// <summary>A PNG: stored, it is deflated already.</summary>
    Image,
}
