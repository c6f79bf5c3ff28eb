using Reporting.Core.Access;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>Memberships are read through a short cache: changes through it are seen at once, changes elsewhere within its lifetime.</summary>
public class CachedMemberRepositoryTests
{
    private readonly InMemoryMemberRepository _table = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_change_made_by_another_instance_is_seen_once_the_cached_entry_has_lived_its_lifetime()
    {
        var cached = new CachedMemberRepository(_table, _clock);
        await _table.SaveAsync(new Membership("wang5", MemberRole.Author, "kgj"));
        Assert.Equal(MemberRole.Author, (await cached.GetAsync("wang5"))!.Role);

        await _table.SaveAsync(new Membership("wang5", MemberRole.Approver, "kgj"));  // straight to the table, as another instance would
        _clock.Advance(CachedMemberRepository.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(MemberRole.Author, (await cached.GetAsync("wang5"))!.Role);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(MemberRole.Approver, (await cached.GetAsync("wang5"))!.Role);
    }

    [Fact]
    public async Task A_change_made_through_the_cache_is_seen_at_once_including_a_membership_that_was_absent()
    {
        var cached = new CachedMemberRepository(_table, _clock);
        Assert.Null(await cached.GetAsync("li4"));

        await cached.SaveAsync(new Membership("li4", MemberRole.Author, "kgj"));
        Assert.Equal(MemberRole.Author, (await cached.GetAsync("li4"))!.Role);

        Assert.True(await cached.DeleteAsync("li4"));
        Assert.Null(await cached.GetAsync("li4"));
    }
}
