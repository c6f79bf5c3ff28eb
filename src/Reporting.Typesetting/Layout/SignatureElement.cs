namespace Reporting.Typesetting.Layout;

/// <summary>
/// Signature and date of an unsealed document [7.3.5.2]: one blank line after the body (dropped at the top
/// of a page), the signature, then the date; the two are never split over pages.
/// </summary>
internal sealed class SignatureElement(ComposedLine signature, ComposedLine date) : LayoutElement
{
    public ComposedLine Signature { get; } = signature;
    public ComposedLine Date { get; } = date;

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        if (state.Progress(this) > 0) return SpacePlan.Empty;
        var needed = space.AtPageTop ? 2 : 3;
        return space.Slots < needed ? SpacePlan.Wrap("signature and date stay together") : SpacePlan.Full(needed);
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        var first = space.First + plan.Lines - 2;
        surface.DrawLine(Signature, PageGeometry.Baseline(first));
        surface.DrawLine(Date, PageGeometry.Baseline(first + 1));
        state.Advance(this, 1);
    }
}
