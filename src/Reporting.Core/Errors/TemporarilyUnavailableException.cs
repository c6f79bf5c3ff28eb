namespace Reporting.Core.Errors;

/// <summary>
/// The request could not finish now but will succeed if repeated (storage unreachable, a part too contended).
/// Nothing was stored; the HTTP edge answers 503 with <see cref="RetryAfter"/>.
/// </summary>
public sealed class TemporarilyUnavailableException(string detail, TimeSpan retryAfter, Exception? inner = null) : Exception(detail, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
