using Reporting.Core.Access;
using Reporting.Core.Notices;

namespace Reporting.Functions.Notices;

/// <summary>
/// Where a department's reminders and 催报 go: each of its authors and approvers with an address set on 成员管理 (or
/// the members API); and where a draft awaiting review is announced: each approver. Memberships from configuration (the
/// development users) and stored ones without an address get
/// USER-ID@Mail__DevelopmentAddressDomain on the local host, as <see cref="AuthorAddresses"/> does; in Azure a member
/// without an address is not e-mailed, and a department with nobody addressable is told through the webhook only.
/// </summary>
internal sealed class MemberAddresses(IMemberRepository stored, ConfiguredMembers configured, AuthorAddresses authors) : IMemberAddresses, IDepartmentApprovers
{
    public async Task<IReadOnlyList<string>> OfDepartmentAsync(string department, CancellationToken cancellationToken = default) =>
        (await MembersAsync(department, cancellationToken))
            .OrderBy(m => m.Role).ThenBy(m => m.UserId, StringComparer.Ordinal)
            .Select(AddressOf)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    async Task<IReadOnlyList<ApproverAddress>> IDepartmentApprovers.OfDepartmentAsync(string department, CancellationToken cancellationToken) =>
        (await MembersAsync(department, cancellationToken))
            .Where(m => m.Role == MemberRole.Approver)
            .OrderBy(m => m.UserId, StringComparer.Ordinal)
            .Select(m => new ApproverAddress(m.UserId, AddressOf(m)))
            .ToList();

    private string? AddressOf(Membership member) => AuthorAddresses.Valid(member.Email) ?? authors.DevelopmentAddress(member.UserId);

    /// <summary>The department's authors and approvers; a stored membership for the same user wins over the configured one, as for access.</summary>
    private async Task<List<Membership>> MembersAsync(string department, CancellationToken cancellationToken)
    {
        var members = configured.BesideStored(await stored.ListAsync(cancellationToken));
        return members.Where(m => m.IsDepartmentRole && m.Department == department).ToList();
    }
}
