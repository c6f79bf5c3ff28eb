using Reporting.Core.Access;


namespace Reporting.Core.Audit;

/// <summary>One thing somebody (or the system) did, kept for the record: who (id and display name), what, when.</summary>
public sealed record AuditEntry(string Report, string Action, Caller Actor, DateTimeOffset At, string Detail);

public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A report's trail ("2023/kgj"), oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string report, CancellationToken cancellationToken = default);
}
