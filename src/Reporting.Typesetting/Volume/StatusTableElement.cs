using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// The status table: one grid line per department, its header line repeated at the top of every page the
/// table runs on. Rows are never split; a page takes the header and at least one row, or the table moves on.
/// </summary>
/// <remarks>Tagged as one P per line (the header's repeats on later pages are artifacts).</remarks>
internal sealed class StatusTableElement(ComposedLine header, IReadOnlyList<ComposedLine> rows, StructureNode? structure = null) : LayoutElement
{
    private readonly StructureNode? _header = structure?.Add(StructureRole.P);
    private readonly StructureNode?[] _rows = [.. rows.Select(_ => structure?.Add(StructureRole.P))];

    public ComposedLine Header { get; } = header;
    public IReadOnlyList<ComposedLine> Rows { get; } = rows;

    protected override SpacePlan Plan(Space space, PagingState state)
    {
        var remaining = Rows.Count - state.Progress(this);
        if (remaining <= 0) return SpacePlan.Empty;
        if (space.Slots < 2) return SpacePlan.Wrap("a table page holds its header and a row");
        return remaining + 1 <= space.Slots ? SpacePlan.Full(remaining + 1) : SpacePlan.Partial(space.Slots);
    }

    protected override void Render(SpacePlan plan, Space space, PagingState state, IPageSurface surface)
    {
        var done = state.Progress(this);
        surface.BeginContent(done == 0 ? _header : null);
        surface.DrawLine(Header, PageGeometry.Baseline(space.First));
        for (var i = 1; i < plan.Lines; i++)
        {
            surface.BeginContent(_rows[done + i - 1]);
            surface.DrawLine(Rows[done + i - 1], PageGeometry.Baseline(space.First + i));
        }
        state.Advance(this, plan.Lines - 1);
    }
}
