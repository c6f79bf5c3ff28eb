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

    public void DrawImage(SealImage image, double left, double top)
    {
        first.DrawImage(image, left, top);
        second.DrawImage(image, left, top);
    }

    /// <summary>The structure node goes to both; a surface that does not tag ignores it.</summary>
    public void BeginContent(StructureNode? node)
    {
        first.BeginContent(node);
        second.BeginContent(node);
    }

    /// <summary>A table-of-contents link goes to whichever surface can make one.</summary>
    public void Link(int firstSlot, int slots, int target, string description)
    {
        (first as ILinkSurface)?.Link(firstSlot, slots, target, description);
        (second as ILinkSurface)?.Link(firstSlot, slots, target, description);
    }

    public void EndPage()
    {
        first.EndPage();
        second.EndPage();
    }
}
