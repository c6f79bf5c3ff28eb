using Reporting.Core.Errors;

namespace Reporting.Functions.Http;

/// <summary>A route that exists asked with a method it does not take; the answer names the methods it does (Allow).</summary>
public sealed class MethodNotAllowedException(string method, IReadOnlyList<string> allowed)
    : ReportingException(ProblemKind.MethodNotAllowed, "不支持该请求方法", $"该地址不支持 {method} 请求，可用的方法：{string.Join("、", allowed)}。")
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
