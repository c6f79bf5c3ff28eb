namespace Reporting.Functions.Wording;

/// <summary>What people read when a request fails for no fault of theirs or cannot be read at all (no code: these are the edge's own answers).</summary>
public static partial class RefusalWording
{
    public const string UnavailableTitle = "服务暂时不可用";

    /// <summary>"May not have completed": a call that timed out can still land once storage wakes up.</summary>
    public static string StorageUnavailable(TimeSpan retryAfter) => $"存储服务暂时无法访问或响应超时，本次操作可能未完成，请在 {retryAfter.TotalSeconds:F0} 秒后重试。";

    public const string ConcurrentChange = "同一内容正被他人同时修改，本次操作未完成，请稍后重试。";
    public const string TooLarge = "提交的内容超过了大小上限。";
    public const string UnreadableTitle = "请求格式有误";
    public const string Unreadable = "无法读取提交的内容，请检查格式后重试。";
    public const string CancelledTitle = "请求已取消";
    public const string Cancelled = "客户端取消了请求。";
    public const string InternalErrorTitle = "服务器内部错误";
    public const string InternalError = "处理请求时出现意外错误，已记录日志，请稍后重试。";
}
