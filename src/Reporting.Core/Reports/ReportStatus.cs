namespace Reporting.Core.Reports;

public enum ReportStatus
{
    /// <summary>Some required part has no approved version yet.</summary>
    Drafting,
    /// <summary>Every required part is approved, but a part's newer draft awaits its decision; nothing is assembled until it is decided.</summary>
    Reviewing,
    /// <summary>Every required part is approved; the newest PDF is being made.</summary>
    Assembling,
    /// <summary>The newest approvals are in a stored PDF.</summary>
    Assembled,
}
