namespace Reporting.Typesetting.Layout;

internal enum PlanKind { Empty, Partial, Full, Wrap }

/// <summary>
/// What an element will do with the space offered: nothing left to draw (Empty), some of its lines and the
/// rest on the next page (Partial), all of what is left (Full), or nothing here and all on the next page (Wrap).
/// </summary>
internal readonly record struct SpacePlan(PlanKind Kind, int Lines, string? Reason = null)
{
    public static SpacePlan Empty => new(PlanKind.Empty, 0);
    public static SpacePlan Full(int lines) => new(PlanKind.Full, lines);
    public static SpacePlan Partial(int lines) => new(PlanKind.Partial, lines);
    public static SpacePlan Wrap(string reason) => new(PlanKind.Wrap, 0, reason);
}

/// <summary>Grid slots free on the current page: <see cref="Slots"/> of them, from slot <see cref="First"/>.</summary>
internal readonly record struct Space(int First, int Slots)
{
    public bool AtPageTop => First == 0;
    public Space After(int lines) => new(First + lines, Slots - lines);
}
