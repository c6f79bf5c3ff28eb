using Reporting.Core.Access;


namespace Reporting.Core.Seals;

/// <summary>
/// The organisations' uploaded seal images, versioned: each upload is the organisation's next version, created once and
/// never overwritten; the newest is the one documents are sealed with.
/// </summary>
public interface ISealStore
{
    /// <summary>
    /// Stores <paramref name="png"/> as the organisation's next version, unless it is byte for byte its newest already (a
    /// repeated upload): then that version is returned with <see cref="StoredSeal.Created"/> false and nothing is written.
    /// </summary>
    Task<StoredSeal> AddAsync(string organisation, byte[] png, Caller uploadedBy, CancellationToken cancellationToken = default);

    /// <summary>The newest version's facts, or null when the organisation has no seal.</summary>
    Task<StoredSeal?> FindNewestAsync(string organisation, CancellationToken cancellationToken = default);

    /// <summary>One version's PNG and facts (the newest when <paramref name="version"/> is null), or null when there is none.</summary>
    Task<SealFile?> ReadAsync(string organisation, int? version = null, CancellationToken cancellationToken = default);
}
