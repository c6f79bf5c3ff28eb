namespace Reporting.Core.Workflow;

/// <summary>
/// Who asks: a signed-in person (the identity provider's stable id and the display name people read), or
/// <see cref="System"/> for queue- and timer-triggered work. Made in one place at the HTTP edge.
/// </summary>
public sealed record Caller(string Id, string Name)
{
    public static readonly Caller System = new("system", "系统");

    /// <summary>By reference: a person whose id happens to read "system" gets no system rights.</summary>
    public bool IsSystem => ReferenceEquals(this, System);
}
