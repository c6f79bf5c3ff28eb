using System.Collections.Concurrent;

namespace Reporting.Core.Access;

/// <summary>
/// Memberships read through a short-lived cache. Every request asks who the caller is (a page often twice: once for
/// the page, once for what it shows), and the members table changes rarely. A change made through this instance is
/// seen at once (the entry is dropped, and a read that raced the change is not cached); a change made by another
/// instance of the app within <see cref="Lifetime"/>. Absent memberships are cached too, and the cache is bounded.
/// </summary>
public sealed class CachedMemberRepository(IMemberRepository inner, TimeProvider clock) : IMemberRepository
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (Membership? Member, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    private long _generation;

    public async Task<Membership?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(userId, out var cached) && cached.Until > now) return cached.Member;
        var generation = Interlocked.Read(ref _generation);
        var member = await inner.GetAsync(userId, cancellationToken);
        if (Interlocked.Read(ref _generation) == generation)
        {
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[userId] = (member, now + Lifetime);
        }
        return member;
    }

    public Task<IReadOnlyList<Membership>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public async Task<Membership> SaveAsync(Membership member, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.SaveAsync(member, cancellationToken);
        }
        finally
        {
            Forget(member.UserId);
        }
    }

    public async Task<bool> DeleteAsync(string userId, string? eTag = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.DeleteAsync(userId, eTag, cancellationToken);
        }
        finally
        {
            Forget(userId);
        }
    }

    private void Forget(string userId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(userId, out _);
    }
}
