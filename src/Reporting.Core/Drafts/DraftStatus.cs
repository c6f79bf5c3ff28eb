namespace Reporting.Core.Drafts;

/// <summary>Where one version stands: awaiting its decision, decided (approved or rejected), or taken back by its author before a decision.</summary>
public enum DraftStatus
{
    Submitted,
    Approved,
    Rejected,
    Withdrawn,
}
