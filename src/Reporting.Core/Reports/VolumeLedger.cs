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
        if (newest is null || newest.Fingerprint != fingerprint || newest.IsAbandoned) return VolumeDecision.ClaimNew;
        if (newest.IsStored) return newest.NotifiedAt is null ? VolumeDecision.NotifyOnly : VolumeDecision.NothingChanged;
        return newest.IsClaimedAt(now, claimLifetime) ? VolumeDecision.BeingBuiltElsewhere : VolumeDecision.TakeOver;
    }

    public VolumeVersion Claim(string fingerprint, IReadOnlyDictionary<string, int> reports, IReadOnlyDictionary<string, string[]> missing, DateTimeOffset now,
        string? claimId = null)
    {
        var claimed = new VolumeVersion((Newest?.Version ?? 0) + 1, fingerprint, now, reports, missing, ClaimId: claimId);
        _volumes.Add(claimed);
        return claimed;
    }

    /// <summary>Extends a claim (the run holding it is alive) or hands it to <paramref name="claimId"/> (a takeover).</summary>
    public VolumeVersion Renew(int version, DateTimeOffset now, string? claimId = null) =>
        Replace(version, v => v.IsStored ? v : v with { ClaimedAt = now, ClaimId = claimId ?? v.ClaimId });

    /// <summary>
    /// Versions older than the newest whose run died building them (claim lapsed): nobody will finish them, since a run
    /// only ever builds or takes over the newest. What <see cref="MarkStored"/> or <see cref="Abandon"/> settles.
    /// </summary>
    public IReadOnlyList<VolumeVersion> Orphans(DateTimeOffset now, TimeSpan claimLifetime) =>
        _volumes.Where(v => v != Newest && v.IsBuilding && !v.IsClaimedAt(now, claimLifetime)).ToList();

    /// <summary>Settles a version that will never be built: the number is not reused, so nothing can ever claim it again.</summary>
    public VolumeVersion Abandon(int version, DateTimeOffset now) => Replace(version, v => v.IsBuilding ? v with { AbandonedAt = now } : v);

    /// <summary>Records the stored PDF; a version abandoned meanwhile is stored after all (its PDF exists and stays).</summary>
    public VolumeVersion MarkStored(int version, string blobName, string sha256, int pageCount, DateTimeOffset now) =>
        Replace(version, v => v.IsStored ? v : v with { BlobName = blobName, Sha256 = sha256, PageCount = pageCount, StoredAt = now, AbandonedAt = null });

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
    /// <summary>The content changed (or there is no volume, or the newest was abandoned): claim the next version.</summary>
    ClaimNew,
    /// <summary>Another run claimed this content moments ago and is building it.</summary>
    BeingBuiltElsewhere,
    /// <summary>A run claimed this content but died: take its claim over.</summary>
    TakeOver,
}
