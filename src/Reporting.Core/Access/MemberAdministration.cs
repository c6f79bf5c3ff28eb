using Reporting.Core.Audit;
using Reporting.Core.Directory;
using Reporting.Core.Errors;

namespace Reporting.Core.Access;

/// <summary>District-office administrators manage who belongs where (GET/PUT/DELETE members/{userId}); every change is audited.</summary>
public class MemberAdministration(
    AccessControl access,
    IMemberRepository members,
    ConfiguredMembers configured,
    DistrictDirectory directory,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string AuditTrail = "members";

    public virtual async Task<MemberView> GetAsync(MemberId userId, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var id = userId.Value;
        var stored = await members.GetAsync(id, cancellationToken);
        return stored is not null ? View(stored, "stored")
            : configured.Find(id) is { } fixedMember ? View(fixedMember, "configured")
            : throw ReportingException.NotFound(RefusalCode.MemberNotFound, id);
    }

    public virtual async Task<IReadOnlyList<MemberView>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var stored = await members.ListAsync(cancellationToken);
        var ids = stored.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        return stored.Select(m => View(m, "stored"))
            .Concat(configured.All.Where(m => !ids.Contains(m.UserId)).Select(m => View(m, "configured")))
            .OrderBy(v => v.UserId, StringComparer.Ordinal).ToList();
    }

    public virtual async Task<MemberView> PutAsync(PutMemberCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var member = new Membership(command.UserId.Value, command.Role, command.Department, command.IfMatch) { Email = command.Email };
        Membership saved;
        try
        {
            saved = await members.SaveAsync(member, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw ReportingException.Conflict(RefusalCode.MemberChangedMeanwhile, member.UserId);
        }
        await audit.RecordAsync(new AuditEntry(AuditTrail, "member.saved", caller, clock.GetUtcNow(),
            $"{saved.UserId}: {Membership.Code(saved.Role)}{(saved.Department is null ? "" : " " + saved.Department)}{(saved.Email is null ? "" : " "
                + "<" + saved.Email + ">")}"), cancellationToken);
        return View(saved, "stored");
    }

    /// <param name="ifMatch">
    /// The ETag the administrator confirmed the removal of: a member changed, or removed and added again, since is not removed (409).
    /// </param>
    public virtual async Task DeleteAsync(MemberId userId, Caller caller, CancellationToken cancellationToken = default, string? ifMatch = null)
    {
        await access.DemandAsync(caller, ReportAction.ManageMembers, null, cancellationToken);
        var id = userId.Value;
        bool deleted;
        try
        {
            deleted = await members.DeleteAsync(id, ifMatch, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw ReportingException.Conflict(RefusalCode.MemberChangedMeanwhile, id);
        }
        if (!deleted)
            throw ReportingException.NotFound(configured.Find(id) is null ? RefusalCode.MemberNotFound : RefusalCode.MemberConfigured, id);
        await audit.RecordAsync(new AuditEntry(AuditTrail, "member.deleted", caller, clock.GetUtcNow(), id), cancellationToken);
    }

    private MemberView View(Membership member, string source) => new(member.UserId, Membership.Code(member.Role),
        member.Department, member.Department is null ? null : directory.Find(member.Department)?.Name, source, member.ETag)
    { Email = member.Email };
}

/// <summary>A membership as administration shows it: the role's code, the department's name, where it comes from, the ETag to send back as If-Match.</summary>
public sealed record MemberView(string UserId, string Role, string? Department, string? DepartmentName, string Source, string? ETag)
{
    /// <summary>Where reminders and 催报 reach this member; null when none was set.</summary>
    public string? Email { get; init; }
}
