namespace Reporting.Typesetting.Layout;

/// <summary>
/// A layout element measures and draws through the same <see cref="Plan"/>, so it never draws anything
/// it did not promise when measured.
/// </summary>
internal abstract class LayoutElement
{
    public SpacePlan Measure(Space space, PagingState state) => Plan(space, state);

    public SpacePlan Draw(Space space, PagingState state, IPageSurface surface)
    {
        var plan = Plan(space, state);
        if (plan.Kind is PlanKind.Partial or PlanKind.Full) Render(plan, space, state, surface);
        return plan;
    }

    protected abstract SpacePlan Plan(Space space, PagingState state);

    /// <summary>Draws exactly <paramref name="plan"/>.Lines slots from <paramref name="space"/>.First and records the progress.</summary>
    protected abstract void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface);
}
