namespace Reporting.Core.Abstractions;

/// <summary>One thing somebody (or the system) did, kept for the record.</summary>
public sealed record AuditEntry(string Report, string Action, string Actor, DateTimeOffset At, string Detail);

public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
