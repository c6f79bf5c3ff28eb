namespace Reporting.Core.Documents;

/// <summary>Where a required part of a report stands, as the volume's status table shows it; the typesetter words it.</summary>
public enum PartStatus
{
    NotSubmitted,
    AwaitingReview,
    Rejected,
    Approved,
}
