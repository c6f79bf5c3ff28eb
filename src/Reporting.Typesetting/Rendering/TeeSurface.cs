using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Volume;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Hands every page the layout draws to two surfaces (the PDF and the OFD), so the document is measured and
/// paginated once and both formats draw the very same placed lines.
/// </summary>
internal sealed class TeeSurface(IPageSurface first, IPageSurface second) : IPageSurface, ILinkSurface
{
    public void BeginPage(int pageNumber)
    {
        first.BeginPage(pageNumber);
        second.BeginPage(pageNumber);
    }

    public void DrawLine(ComposedLine line, double baseline)
    {
        first.DrawLine(line, baseline);
        second.DrawLine(line, baseline);
    }

    public void Bookmark(string title, int level, double top)
    {
        first.Bookmark(title, level, top);
        second.Bookmark(title, level, top);
    }

    /// <summary>A table-of-contents link goes to whichever surface can make one.</summary>
    public void Link(int firstSlot, int slots, int target)
    {
        (first as ILinkSurface)?.Link(firstSlot, slots, target);
        (second as ILinkSurface)?.Link(firstSlot, slots, target);
    }

    public void EndPage()
    {
        first.EndPage();
        second.EndPage();
    }
}
