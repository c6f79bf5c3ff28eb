using System.Net.Sockets;
using Azure;

namespace Reporting.Azure.Storage;

/// <summary>Tells "storage could not be reached or did not answer in time" apart from a refusal of the request itself.</summary>
public static class StorageFaults
{
    /// <summary>
    /// True for no response at all (status 0: refused, reset), a busy or failing service (408, 5xx), and the SDK's
    /// "retry failed after N tries" made only of those and of tries that timed out.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException e => e.Status is 0 or 408 or >= 500,
        // The SDK aggregates only its own retries, so a cancellation inside is a try that ran out of time.
        AggregateException { InnerExceptions.Count: > 0 } e => e.InnerExceptions.All(i => i is OperationCanceledException || IsUnavailable(i)),
        HttpRequestException or SocketException or TimeoutException => true,
        _ => false,
    };
}
