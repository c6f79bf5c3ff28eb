namespace Reporting.Core.Access;

/// <summary>
/// Who asks: a signed-in person (the identity provider's stable id and the display name people read), or
/// <see cref="System"/> for queue- and timer-triggered work. Made in one place at the HTTP edge.
/// <paramref name="Email"/> is the address the identity gave, when it gave one: recorded with a draft, so its author can
/// be told of a rejection later.
/// </summary>
public sealed record Caller(string Id, string Name, string? Email = null)
{
    /// <summary>Queue- and timer-triggered work. Its name is its id: the app layer names it where people read it.</summary>
    public static readonly Caller System = new("system", "system");

    /// <summary>By reference: a person whose id happens to read "system" gets no system rights.</summary>
    public bool IsSystem => ReferenceEquals(this, System);
}
