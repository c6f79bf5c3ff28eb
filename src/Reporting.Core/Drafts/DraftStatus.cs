namespace Reporting.Core.Drafts;

public enum DraftStatus
{
    Submitted,
    Approved,
    Rejected,
}
