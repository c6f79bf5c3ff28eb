using System.Collections.Concurrent;

namespace Reporting.Core.Access;

/// <summary>
/// Who has signed in, with the name the identity gave: recorded each time a caller is resolved, but written to the
/// register only when the name changed or the last write is older than <see cref="RecordInterval"/>, so an ordinary
/// request costs a dictionary lookup. Read by district-office administrators (成员管理 finds a person by name and shows
/// members' names beside their ids).
/// </summary>
public sealed class SignedInPeople(ISignInRegister register, AccessControl access, TimeProvider clock)
{
    public static readonly TimeSpan RecordInterval = TimeSpan.FromDays(1);

    /// <summary>More than a district has people; past it the cache starts again rather than grow.</summary>
    private const int MaxRemembered = 10_000;

    /// <summary>How many rows a search or a name lookup reads at most: a district has a few hundred people.</summary>
    private const int MaxRead = 5_000;

    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset At)> _written = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="caller"/> signed in; writes only when the register's row is missing, stale or names them otherwise.</summary>
    public async Task RecordAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        if (caller.IsSystem || !Membership.IsUserId(caller.Id)) return;
        var now = clock.GetUtcNow();
        var known = _written.TryGetValue(caller.Id, out var seen);
        if (known && seen.Name == caller.Name && now - seen.At < RecordInterval) return;
        // Claim the write first: of two requests of one person arriving together, one writes.
        var claim = (caller.Name, now);
        if (known ? !_written.TryUpdate(caller.Id, claim, seen) : !_written.TryAdd(caller.Id, claim)) return;
        if (_written.Count > MaxRemembered) _written.Clear();
        try
        {
            await register.SaveAsync(new SignedInPerson(caller.Id, caller.Name, now), cancellationToken);
        }
        catch
        {
            // Not written: the next request tries again.
            _written.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(caller.Id, claim));
            throw;
        }
    }

    /// <summary>
    /// The people whose name or id contains <paramref name="text"/> (ignoring case), the most recently signed in first, at
    /// most <paramref name="limit"/>; for administrators only.
    /// </summary>
    public async Task<IReadOnlyList<SignedInPerson>> FindAsync(string text, int limit, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var wanted = text.Trim();
        if (wanted.Length == 0) return [];
        var everyone = await register.ListAsync(MaxRead, cancellationToken);
        return everyone
            .Where(p => p.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase) || p.UserId.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.LastSignIn).ThenBy(p => p.UserId, StringComparer.Ordinal)
            .Take(limit).ToList();
    }

    /// <summary>Every recorded person's name by user id; for administrators only.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var everyone = await register.ListAsync(MaxRead, cancellationToken);
        return everyone.GroupBy(p => p.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.LastSignIn)!.Name, StringComparer.Ordinal);
    }
}
