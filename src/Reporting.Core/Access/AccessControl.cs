using Reporting.Core.Errors;

namespace Reporting.Core.Access;

/// <summary>Looks up the caller's membership and applies <see cref="AccessPolicy"/>; a refusal is a 403 with the policy's reason.</summary>
public class AccessControl(IMemberRepository members, ConfiguredMembers configured)
{
    public virtual async Task<Membership?> FindAsync(Caller caller, CancellationToken cancellationToken = default) =>
        caller.IsSystem ? null : await members.GetAsync(caller.Id, cancellationToken) ?? configured.Find(caller.Id);

    public virtual async Task<Membership?> DemandAsync(Caller caller, ReportAction action, string? department = null,
        CancellationToken cancellationToken = default)
    {
        var member = await FindAsync(caller, cancellationToken);
        if (AccessPolicy.Refusal(caller, member, action, department) is { } reason) throw ReportingException.Forbidden(reason);
        return member;
    }

    public static void DemandFourEyes(Caller reviewer, string? authorId)
    {
        if (AccessPolicy.ReviewRefusal(reviewer, authorId) is { } reason) throw ReportingException.Forbidden(reason);
    }
}
