namespace Reporting.Core.Errors;

/// <summary>
/// Storage could not be reached or did not answer in time (no response, a busy or failing service, every retry spent).
/// The storage adapters throw it in place of their SDK's errors; whether the call took effect is unknown, so callers
/// repeat idempotent work and the HTTP edge answers 503 with Retry-After.
/// </summary>
public sealed class StorageUnavailableException(Exception inner) : Exception("Storage is unreachable or did not answer in time: " + inner.Message, inner);
