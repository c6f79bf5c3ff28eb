namespace Reporting.Core.Drafts;

public enum DraftDecision
{
    Approve,
    Reject,
}
