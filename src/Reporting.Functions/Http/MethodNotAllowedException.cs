using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Http;

/// <summary>A route that exists asked with a method it does not take; the answer names the methods it does (Allow).</summary>
public sealed class MethodNotAllowedException(string method, IReadOnlyList<string> allowed)
    : ReportingException(ProblemKind.MethodNotAllowed, Refusal.Of(EdgeRefusalCode.MethodNotAllowed, method, allowed))
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
