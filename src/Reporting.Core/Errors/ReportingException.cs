namespace Reporting.Core.Errors;

/// <summary>
/// A request the workflow refuses. Carries a zh-CN title and detail fit to show the caller;
/// the HTTP edge turns it into application/problem+json with the status its <see cref="Kind"/> implies.
/// </summary>
public class ReportingException(ProblemKind kind, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static ReportingException Invalid(string field, string message) =>
        new(ProblemKind.Validation, "提交的内容有误", message, new Dictionary<string, string[]> { [field] = [message] });

    public static ReportingException NotFound(string detail) => new(ProblemKind.NotFound, "未找到", detail);

    public static ReportingException Conflict(string detail) => new(ProblemKind.Conflict, "操作与当前状态冲突", detail);

    public static ReportingException Forbidden(string detail) => new(ProblemKind.Forbidden, "无权进行此操作", detail);

    public static ReportingException Unauthorized(string detail) => new(ProblemKind.Unauthorized, "请先登录", detail);
}
