namespace Reporting.Core.YearEnd;

/// <summary>Where one queued year-end run (<see cref="YearEndRequest"/>) stands.</summary>
public enum YearEndState
{
    /// <summary>Asked for; its message waits on the year-end queue.</summary>
    Queued,

    /// <summary>A worker holds it and is compiling.</summary>
    Running,

    /// <summary>The run finished: its outcome and volume are recorded.</summary>
    Done,

    /// <summary>Every attempt failed; a new request starts again.</summary>
    Failed,
}
