namespace Reporting.Typesetting.Layout;

/// <summary>Where laid-out pages go: the PDF writer, or a recorder in layout tests. Vertical positions are from the top of the text block.</summary>
internal interface IPageSurface
{
    void BeginPage(int pageNumber);
    void DrawLine(ComposedLine line, double baseline);
    void Bookmark(string title, int level, double top);
    void EndPage();

    /// <summary>
    /// Draws an image (a seal) at its own size, its top-left corner <paramref name="left"/> from the text block's left
    /// edge and <paramref name="top"/> below its top (either may be outside the block).
    /// </summary>
    void DrawImage(SealImage image, double left, double top);

    /// <summary>
    /// What is drawn from now on belongs to <paramref name="node"/> of the structure tree; null: to no node (an
    /// artifact such as the page number). A surface that does not tag ignores it.
    /// </summary>
    void BeginContent(StructureNode? node) { }
}
