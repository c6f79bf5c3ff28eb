namespace Reporting.Core.Notices;

/// <summary>Who approves a department's drafts and where each is reached, as the app keeps its memberships (stored ones win over configured ones).</summary>
public interface IDepartmentApprovers
{
    /// <returns>The department's approvers, each once, in a stable order; an approver with no known address has a null one.</returns>
    Task<IReadOnlyList<ApproverAddress>> OfDepartmentAsync(string department, CancellationToken cancellationToken = default);
}

/// <param name="Email">Null when no address is known (the notice then goes out without an e-mail).</param>
public sealed record ApproverAddress(string UserId, string? Email);
