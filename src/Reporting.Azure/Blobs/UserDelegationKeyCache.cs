using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Reporting.Azure.Blobs;

/// <summary>
/// Keeps one user-delegation key (valid up to 7 days) and fetches a new one only when a link would outlive it,
/// so each download does not cost an extra round trip to Entra-authenticated storage.
/// </summary>
internal sealed class UserDelegationKeyCache(BlobServiceClient blobs, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<UserDelegationKey> GetAsync(DateTimeOffset neededUntil, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null || _key.SignedExpiresOn < neededUntil)
            {
                var now = clock.GetUtcNow();
                _key = (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddDays(7), cancellationToken)).Value;
            }
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
