namespace Reporting.Typesetting.Layout;

/// <summary>Lays an element tree out page after page until it is all drawn; each page gets its folio.</summary>
internal static class Paginator
{
    /// <returns>The number of pages drawn.</returns>
    /// <param name="folio">The page number line of a page, or null for a page that shows none (a cover).</param>
    public static int Run(LayoutElement root, IPageSurface surface, PagingState state, Func<int, ComposedLine?> folio)
    {
        var pages = 0;
        while (true)
        {
            var full = new Space(0, PageGeometry.LinesPerPage);
            var measured = root.Measure(full, state);
            if (measured.Kind == PlanKind.Empty) return pages;
            if (measured.Kind == PlanKind.Wrap)
                throw new InvalidOperationException($"Content does not fit on an empty page: {measured.Reason}");
            state.PageNumber++;
            pages++;
            surface.BeginPage(state.PageNumber);
            var drawn = root.Draw(full, state, surface);
            if (drawn != measured) throw new InvalidOperationException("An element drew other than it measured.");
            if (folio(state.PageNumber) is { } number)
            {
                surface.BeginContent(null); // the page number is furniture: an artifact, not part of the text
                surface.DrawLine(number, PageGeometry.FolioBaseline);
            }
            surface.EndPage();
            if (drawn.Kind == PlanKind.Full) return pages;
        }
    }
}
