namespace Reporting.Typesetting.Layout;

/// <summary>Children one below the other; the page ends where a child is partial or wraps.</summary>
internal sealed class ColumnElement(IReadOnlyList<LayoutElement> children) : LayoutElement
{
    public IReadOnlyList<LayoutElement> Children { get; } = children;

    protected override SpacePlan Plan(Space space, PagingState state) => Walk(space, state, null);

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface) => Walk(space, state, surface);

    /// <summary>Measures (surface null) or draws the children in order; both paths take the same decisions.</summary>
    private SpacePlan Walk(Space space, PagingState state, IPageSurface? surface)
    {
        var first = state.Progress(this);
        var index = first;
        var used = 0;
        SpacePlan result;
        while (true)
        {
            if (index == Children.Count) { result = used > 0 ? SpacePlan.Full(used) : SpacePlan.Empty; break; }
            var child = Children[index];
            var free = space.After(used);
            var plan = surface is null ? child.Measure(free, state) : child.Draw(free, state, surface);
            if (plan.Kind == PlanKind.Wrap)
            {
                result = used > 0 ? SpacePlan.Partial(used) : SpacePlan.Wrap(plan.Reason ?? "child wraps");
                break;
            }
            used += plan.Lines;
            if (plan.Kind == PlanKind.Partial) { result = SpacePlan.Partial(used); break; }
            index++;
        }
        if (surface is not null) state.Advance(this, index - first);
        return result;
    }
}
