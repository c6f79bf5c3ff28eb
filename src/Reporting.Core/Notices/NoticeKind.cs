namespace Reporting.Core.Notices;

/// <summary>What a notice tells: a report's PDF, the year's compiled volume, or a draft sent back to its author.</summary>
public enum NoticeKind
{
    ReportReady,
    VolumeReady,
    DraftRejected,
}
