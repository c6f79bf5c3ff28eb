namespace Reporting.Core.Notices;

/// <summary>Where a department's members (its authors and approvers) are reached by e-mail, for the calendar's reminders and 催报.</summary>
public interface IMemberAddresses
{
    /// <returns>Every known address of the department's members, each once; empty when none is known (the notice then goes out without an e-mail).</returns>
    Task<IReadOnlyList<string>> OfDepartmentAsync(string department, CancellationToken cancellationToken = default);
}
