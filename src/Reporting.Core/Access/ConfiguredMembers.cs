namespace Reporting.Core.Access;

/// <summary>
/// Memberships that come from configuration rather than the members table: the bootstrap administrators
/// (Reporting__Admins), and locally the development users. A stored membership for the same user wins.
/// </summary>
public sealed class ConfiguredMembers(IEnumerable<Membership> members)
{
    private readonly Dictionary<string, Membership> _byUser = members
        .GroupBy(m => m.UserId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public static ConfiguredMembers None { get; } = new([]);

    public IReadOnlyCollection<Membership> All => _byUser.Values;

    public Membership? Find(string userId) => _byUser.GetValueOrDefault(userId);

    /// <summary>Everyone with a membership: the <paramref name="stored"/> ones, and these for users without a stored one (as for access).</summary>
    public List<Membership> BesideStored(IEnumerable<Membership> stored)
    {
        var everyone = stored.ToList();
        var ids = everyone.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        everyone.AddRange(All.Where(m => !ids.Contains(m.UserId)));
        return everyone;
    }

    /// <summary>Office administrators from a comma-separated list of user ids (the Reporting__Admins setting).</summary>
    public static IEnumerable<Membership> Admins(string? userIds) =>
        (userIds ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => Membership.IsUserId(id)
                ? new Membership(id, MemberRole.OfficeAdmin, null)
                : throw new InvalidOperationException($"Reporting__Admins: “{id}” is not a user id (letters, digits, . _ @ -)."));
}
