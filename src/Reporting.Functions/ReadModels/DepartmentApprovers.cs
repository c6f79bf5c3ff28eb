using Reporting.Core.Access;
using Reporting.Functions.Identity;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// Who may decide a department's draft: its approvers other than the draft's author (four-eyes), by name, so a page can
/// say who acts next instead of leading to a refusal. Stored memberships win over configured ones, as for access. The name
/// is the one they last signed in with (the sign-in register), else the local sign-in's, else their user id.
/// </summary>
public sealed class DepartmentApprovers(IMemberRepository stored, ConfiguredMembers configured, ISignInRegister signIns, ILocalSignIn? localSignIn = null)
{
    /// <summary>The department's approvers, in a stable order; a draft's deciders are those who did not write it (<see cref="Approver.MayDecide"/>).</summary>
    public async Task<IReadOnlyList<Approver>> OfAsync(string department, CancellationToken cancellationToken = default)
    {
        var members = configured.BesideStored(await stored.ListAsync(cancellationToken));
        var approvers = members.Where(m => m.Role == MemberRole.Approver && m.Department == department).OrderBy(m => m.UserId, StringComparer.Ordinal);
        // A department has two or three approvers: their names are read side by side.
        return await Task.WhenAll(approvers.Select(async m =>
            new Approver(m.UserId, (await signIns.FindAsync(m.UserId, cancellationToken))?.Name ?? localSignIn?.NameOf(m.UserId))));
    }
}
