namespace Reporting.Core.Notices;

/// <summary>
/// The facts of a calendar notice: the report year's submission deadline, whole days from the notice's day to it
/// (negative once passed), each department not finished with what it lacks, and for a 催报 who sent it and their words.
/// </summary>
public sealed record DeadlineFacts(DateOnly Deadline, DateOnly Day, IReadOnlyList<DepartmentLack> Departments)
{
    public int DaysLeft => Deadline.DayNumber - Day.DayNumber;

    /// <summary>A 催报: the district-office member who sent it.</summary>
    public string? ChasedBy { get; init; }

    /// <summary>A 催报: the office's own words, if any.</summary>
    public string? ChaseNote { get; init; }
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
