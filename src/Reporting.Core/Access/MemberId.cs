namespace Reporting.Core.Access;

/// <summary>
/// A member's user id, known to be one (<see cref="Membership.IsUserId"/>): nothing that needs escaping in a table key or a URL.
/// The app layer binds one from a route and refuses malformed ids itself.
/// </summary>
public sealed record MemberId
{
    public MemberId(string value)
    {
        if (!Membership.IsUserId(value)) throw new ArgumentException("Not a user id; bind it at the edge first.", nameof(value));
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
