using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// One line of the table of contents: the entry's text (one grid line, or more when a name is too long),
/// then on its last line dotted leaders and the page number right-aligned (<paramref name="tail"/> sets both
/// for a page); the whole entry links to that page. The entry is never split over pages. Its size does not
/// depend on the number, so the contents can be paginated before the pages it lists are known.
/// </summary>
internal sealed class TocEntryElement(IReadOnlyList<ComposedLine> lines, Func<int, ComposedLine[]> tail, StructureNode? node = null) : LayoutElement
{
    public IReadOnlyList<ComposedLine> Lines { get; } = lines;

    /// <summary>The page the entry points to; known after the first pass.</summary>
    public int Target { get; set; }

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        if (state.Progress(this) > 0) return SpacePlan.Empty;
        return space.Slots < Lines.Count ? SpacePlan.Wrap("a contents entry is not split over pages") : SpacePlan.Full(Lines.Count);
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        surface.BeginContent(node);
        for (var i = 0; i < Lines.Count; i++) surface.DrawLine(Lines[i], PageGeometry.Baseline(space.First + i));
        var last = PageGeometry.Baseline(space.First + Lines.Count - 1);
        if (Target > 0)
        {
            foreach (var line in tail(Target)) surface.DrawLine(line, last);
            (surface as ILinkSurface)?.Link(space.First, Lines.Count, Target, string.Concat(Lines.Select(l => l.Text)));
        }
        state.Advance(this, 1);
    }
}
