using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Directory;

namespace Reporting.Core.Seals;

/// <summary>
/// 印章管理: district-office administrators upload each organisation's seal (every department, and the district office for
/// the compiled volume). An image is checked by <see cref="SealImageRules"/> before anything is stored; each accepted new
/// image is the organisation's next version, and audited in the organisation's trail (<see cref="AuditTrail"/>).
/// </summary>
public class SealAdministration(AccessControl access, ISealStore seals, DistrictDirectory directory, IAuditLog audit, TimeProvider clock)
{
    public const string UploadedAction = "seal.uploaded";

    /// <summary>The audit trail of one organisation's seal ("seals/kgj").</summary>
    public static string AuditTrail(string organisation) => $"seals/{organisation}";

    /// <summary>Every organisation that may have a seal: the district office first, then the departments in directory order.</summary>
    public IReadOnlyList<SealOrganisation> Organisations =>
        [new(SealOrganisation.OfficeCode, directory.Office.Name), .. directory.Departments.Select(d => new SealOrganisation(d.Code, d.Name))];

    /// <summary>The organisation of that code, or null when there is none (the app answers 404).</summary>
    public SealOrganisation? Find(string? code) => Organisations.FirstOrDefault(o => o.Code == code);

    /// <summary>The access rule of 印章管理 (district-office administrators), on its own: the app checks it before reading an upload.</summary>
    public virtual async Task DemandAsync(Caller caller, CancellationToken cancellationToken = default) =>
        await access.DemandAsync(caller, ReportAction.ManageSeals, null, cancellationToken);

    public virtual async Task<IReadOnlyList<(SealOrganisation Organisation, StoredSeal? Seal)>> ListAsync(
        Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageSeals, null, cancellationToken);
        var list = new List<(SealOrganisation, StoredSeal?)>();
        foreach (var organisation in Organisations) list.Add((organisation, await seals.FindNewestAsync(organisation.Code, cancellationToken)));
        return list;
    }

    /// <returns>The version stored, or the newest one when <paramref name="png"/> is it already (<see cref="StoredSeal.Created"/> false).</returns>
    /// <exception cref="SealImageRejectedException">the image breaks a rule; nothing is stored.</exception>
    public virtual async Task<StoredSeal> UploadAsync(SealOrganisation organisation, byte[] png, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageSeals, null, cancellationToken);
        if (SealImageRules.Check(png) is { } problem) throw new SealImageRejectedException(problem);
        var stored = await seals.AddAsync(organisation.Code, png, caller, cancellationToken);
        // A repeat of an upload whose audit row was lost (the process died after the blob) writes the row now, once.
        var trail = AuditTrail(organisation.Code);
        if (stored.Created || !(await audit.ListAsync(trail, cancellationToken))
                .Any(e => e.Action == UploadedAction && e.Detail.StartsWith(Detail(stored.Version), StringComparison.Ordinal)))
            await audit.RecordAsync(new AuditEntry(trail, UploadedAction, stored.UploadedBy, stored.Created ? clock.GetUtcNow() : stored.StoredAt,
                $"{Detail(stored.Version)}{stored.Length} bytes, sha256 {stored.Sha256}"), cancellationToken);
        return stored;
    }

    /// <summary>One version (the newest when <paramref name="version"/> is null) with its PNG, or null when there is none.</summary>
    public virtual async Task<SealFile?> ReadAsync(SealOrganisation organisation, int? version, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageSeals, null, cancellationToken);
        return await seals.ReadAsync(organisation.Code, version, cancellationToken);
    }

    /// <summary>The newest version's facts, or null when the organisation has no seal.</summary>
    public virtual async Task<StoredSeal?> FindAsync(SealOrganisation organisation, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageSeals, null, cancellationToken);
        return await seals.FindNewestAsync(organisation.Code, cancellationToken);
    }

    private static string Detail(int version) => $"v{version}, ";
}
