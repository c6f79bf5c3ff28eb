namespace Reporting.Core.Errors;

/// <summary>Storage refused a write because someone else wrote first (a stale ETag, or a row that now exists).</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
