namespace Reporting.Typesetting.Layout;

/// <summary>One line of the table of contents, linked to the page it names.</summary>
internal sealed class TocEntryElement(ComposedLine line, int targetPage) : LayoutElement
{
    protected override SpacePlan Plan(Space space, PagingState state) =>
        state.Progress(this) > 0 ? SpacePlan.Empty : space.Slots == 0 ? SpacePlan.Wrap("no slot left on the page") : SpacePlan.Full(1);

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        var baseline = PageGeometry.Baseline(space.First);
        surface.DrawLine(line, baseline);
        surface.Link(line, baseline, targetPage);
        state.Advance(this, 1);
    }
}
