using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

public class RetryTests
{
    [Fact]
    public async Task A_conflicting_write_is_retried_until_it_wins()
    {
        var attempts = 0;

        var result = await Retry.OnConflictAsync(5, () => ++attempts < 3 ? throw new ConcurrencyConflictException("lost") : Task.FromResult("won"),
            CancellationToken.None);

        Assert.Equal(("won", 3), (result, attempts));
    }

    [Fact]
    public async Task After_the_last_attempt_the_conflict_is_thrown()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Retry.OnConflictAsync<int>(4, () => { attempts++; throw new ConcurrencyConflictException("lost"); }, CancellationToken.None));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Retry.OnConflictAsync<int>(4, () => { attempts++; throw new InvalidOperationException(); }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
