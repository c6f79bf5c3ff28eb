namespace Reporting.Core.Errors;

/// <summary>Runs an optimistic read-modify-write until it wins or the bound is reached.</summary>
internal static class Retry
{
    public static async Task<T> OnConflictAsync<T>(int attempts, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (ConcurrencyConflictException) when (attempt < attempts)
            {
                // Jitter spreads racing writers so the next round usually has one winner.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
        }
    }
}
