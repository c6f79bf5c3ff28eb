namespace Reporting.Core.Reports;

/// <summary>
/// The compiled volumes of one year. A run claims the next version for its content; the ETag on the ledger
/// makes two runs started together agree on one claim, and an unchanged fingerprint means nothing to do.
/// </summary>
public sealed class VolumeLedger(int year, IEnumerable<VolumeVersion>? volumes = null, string? etag = null)
{
    private readonly List<VolumeVersion> _volumes = (volumes ?? []).OrderBy(v => v.Version).ToList();

    public int Year { get; } = year;
    public string? ETag { get; } = etag;
    public IReadOnlyList<VolumeVersion> Volumes => _volumes;
    public VolumeVersion? Newest => _volumes.LastOrDefault();
    public VolumeVersion? NewestStored => _volumes.LastOrDefault(v => v.IsStored);

    public VolumeVersion? Find(int version) => _volumes.FirstOrDefault(v => v.Version == version);

    /// <summary>What a run with content <paramref name="fingerprint"/> should do now.</summary>
    public VolumeDecision Decide(string fingerprint, DateTimeOffset now, TimeSpan claimLifetime)
    {
        var newest = Newest;
        if (newest is null || newest.Fingerprint != fingerprint) return VolumeDecision.ClaimNew;
        if (newest.IsStored) return newest.NotifiedAt is null ? VolumeDecision.NotifyOnly : VolumeDecision.NothingChanged;
        return newest.ClaimedAt + claimLifetime > now ? VolumeDecision.BeingBuiltElsewhere : VolumeDecision.TakeOver;
    }

    public VolumeVersion Claim(string fingerprint, IReadOnlyDictionary<string, int> reports, IReadOnlyDictionary<string, string[]> missing, DateTimeOffset now)
    {
        var claimed = new VolumeVersion((Newest?.Version ?? 0) + 1, fingerprint, now, reports, missing);
        _volumes.Add(claimed);
        return claimed;
    }

    public VolumeVersion Renew(int version, DateTimeOffset now) => Replace(version, v => v.IsStored ? v : v with { ClaimedAt = now });

    public VolumeVersion MarkStored(int version, string blobName, string sha256, int pageCount, DateTimeOffset now) =>
        Replace(version, v => v.IsStored ? v : v with { BlobName = blobName, Sha256 = sha256, PageCount = pageCount, StoredAt = now });

    public VolumeVersion MarkNotified(int version, DateTimeOffset at) => Replace(version, v => v.NotifiedAt is not null ? v : v with { NotifiedAt = at });

    private VolumeVersion Replace(int version, Func<VolumeVersion, VolumeVersion> change)
    {
        var index = _volumes.FindIndex(v => v.Version == version);
        if (index < 0) throw new InvalidOperationException($"Year {Year} has no volume v{version}.");
        return _volumes[index] = change(_volumes[index]);
    }
}

public enum VolumeDecision
{
    /// <summary>The newest volume has this content and the district office was told.</summary>
    NothingChanged,
    /// <summary>The newest volume has this content but the notification did not go out (a run died after storing it).</summary>
    NotifyOnly,
    /// <summary>The content changed (or there is no volume): claim the next version.</summary>
    ClaimNew,
    /// <summary>Another run claimed this content moments ago and is building it.</summary>
    BeingBuiltElsewhere,
    /// <summary>A run claimed this content but died: take its claim over.</summary>
    TakeOver,
}
