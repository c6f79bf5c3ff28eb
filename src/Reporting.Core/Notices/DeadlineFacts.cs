namespace Reporting.Core.Notices;

/// <summary>
/// When a calendar notice stands: the report year's submission deadline and the notice's day, with whole days from the
/// one to the other (negative once passed).
/// </summary>
public sealed record DeadlineFacts(DateOnly Deadline, DateOnly Day)
{
    public int DaysLeft => Deadline.DayNumber - Day.DayNumber;
}

/// <summary>One department's required parts that are not approved (in template order).</summary>
public sealed record DepartmentLack(string Department, IReadOnlyList<LackingPart> Parts);

/// <param name="Version">The newest draft's version (null when nothing was submitted).</param>
/// <param name="Comment">The reviewer's comment on a part sent back.</param>
public sealed record LackingPart(string Section, LackState State, int? Version = null, string? Comment = null);

public enum LackState
{
    /// <summary>未提交: no draft of the part.</summary>
    NotSubmitted,

    /// <summary>已退回: the newest draft was sent back.</summary>
    Rejected,

    /// <summary>待审核: the newest draft awaits its approver.</summary>
    AwaitingReview,
}
