namespace Reporting.Azure.Tables;

/// <summary>
/// One async lock per stripe of keys: callers with the same key take turns; different keys rarely share a
/// stripe. Bounded memory (no per-key entries to clean up).
/// </summary>
internal sealed class StripedGate
{
    private readonly SemaphoreSlim[] _stripes;

    public StripedGate(int stripes = 256)
    {
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++) _stripes[i] = new SemaphoreSlim(1, 1);
    }

    /// <summary>Waits for the key's turn; false when <paramref name="timeout"/> passed first.</summary>
    public async Task<IDisposable?> TryEnterAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        return await stripe.WaitAsync(timeout, cancellationToken) ? new Turn(stripe) : null;
    }

    private sealed class Turn(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) stripe.Release();
        }
    }
}
