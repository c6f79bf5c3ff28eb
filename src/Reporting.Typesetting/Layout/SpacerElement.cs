namespace Reporting.Typesetting.Layout;

/// <summary>Blank grid slots (the cover's white space); never carried over to the next page.</summary>
internal sealed class SpacerElement(int slots) : LayoutElement
{
    protected override SpacePlan Plan(Space space, PagingState state) =>
        state.Progress(this) > 0 || space.Slots == 0 ? SpacePlan.Empty : SpacePlan.Full(Math.Min(slots, space.Slots));

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface) => state.Advance(this, 1);
}
