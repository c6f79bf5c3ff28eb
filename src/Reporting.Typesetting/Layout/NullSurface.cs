namespace Reporting.Typesetting.Layout;

/// <summary>Draws nothing: laying out into it counts pages (a volume needs each report's length before it draws).</summary>
internal sealed class NullSurface : IPageSurface
{
    public static readonly NullSurface Instance = new();
    public void BeginPage(int pageNumber) { }
    public void DrawLine(ComposedLine line, double baseline) { }
    public void Bookmark(string title, int level, double top) { }
    public void Link(ComposedLine line, double baseline, int targetPage) { }
    public void EndPage() { }
}
