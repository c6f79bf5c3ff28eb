namespace Reporting.Typesetting.Layout;

/// <summary>Where laid-out pages go: the PDF writer, or a recorder in layout tests. Vertical positions are from the top of the text block.</summary>
internal interface IPageSurface
{
    void BeginPage(int pageNumber);
    void DrawLine(ComposedLine line, double baseline);
    void Bookmark(string title, int level, double top);
    void EndPage();
}
