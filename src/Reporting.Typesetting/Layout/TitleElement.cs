namespace Reporting.Typesetting.Layout;

/// <summary>The title's lines and the blank line after it [7.3.1]; kept together, and bookmarked at level 0.</summary>
internal sealed class TitleElement(IReadOnlyList<ComposedLine> lines, string title, StructureNode? node = null) : LayoutElement
{
    public IReadOnlyList<ComposedLine> Lines { get; } = lines;

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        if (state.Progress(this) > 0) return SpacePlan.Empty;
        if (space.Slots < Lines.Count) return SpacePlan.Wrap("the title is not split over pages");
        return SpacePlan.Full(Math.Min(Lines.Count + 1, space.Slots));
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        surface.Bookmark(title, 0, PageGeometry.Baseline(space.First) - PageGeometry.FirstBaseline);
        surface.BeginContent(node);
        for (var i = 0; i < Lines.Count; i++) surface.DrawLine(Lines[i], PageGeometry.Baseline(space.First + i));
        state.Advance(this, 1);
    }
}
