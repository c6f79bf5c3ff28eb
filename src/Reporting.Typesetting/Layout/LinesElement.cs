namespace Reporting.Typesetting.Layout;

/// <summary>
/// A paragraph, heading or recipient: set lines that continue on the next page when the page is full.
/// Pages are otherwise filled to all 22 lines; only a heading is not left at the foot of a page without the
/// first lines of what it heads (<see cref="KeepWithNext"/>, at most two): it moves to the next page and leaves
/// its slots blank.
/// </summary>
internal sealed class LinesElement(IReadOnlyList<ComposedLine> lines, string? bookmark = null, int bookmarkLevel = 1,
    StructureNode? node = null) : LayoutElement
{
    /// <summary>Lines after this one kept on its page: the first two lines of what a heading heads.</summary>
    public const int HeadingKeep = 2;

    public IReadOnlyList<ComposedLine> Lines { get; } = lines;

    /// <summary>How many lines of the next element must share this element's page (0: none).</summary>
    public int KeepWithNext { get; set; }

    /// <summary>
    /// Slots the next element needs on this element's page (0: none): a sealed signature block, which must not stand
    /// alone at the top of a page. When it will not fit after this element's last line, that line goes over with it.
    /// </summary>
    public int KeepLastWithNext { get; set; }

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        var remaining = Lines.Count - state.Progress(this);
        if (remaining <= 0) return SpacePlan.Empty;
        if (space.Slots <= 0) return SpacePlan.Wrap("no slot left on the page");
        if (KeepWithNext > 0 && !space.AtPageTop && remaining == Lines.Count && space.Slots < remaining + KeepWithNext)
            return SpacePlan.Wrap("a heading is kept with the first lines after it");
        if (remaining > space.Slots) return SpacePlan.Partial(space.Slots);
        if (KeepLastWithNext == 0 || space.AtPageTop || remaining + KeepLastWithNext <= space.Slots) return SpacePlan.Full(remaining);
        return remaining > 1 ? SpacePlan.Partial(remaining - 1) : SpacePlan.Wrap("the last line goes over with the sealed signature");
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        var done = state.Progress(this);
        surface.BeginContent(node);
        if (done == 0 && bookmark is not null) surface.Bookmark(bookmark, bookmarkLevel, PageGeometry.Baseline(space.First) - PageGeometry.FirstBaseline);
        for (var i = 0; i < plan.Lines; i++) surface.DrawLine(Lines[done + i], PageGeometry.Baseline(space.First + i));
        state.Advance(this, plan.Lines);
    }
}
