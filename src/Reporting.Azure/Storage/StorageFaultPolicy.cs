using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Reporting.Core.Errors;

namespace Reporting.Azure.Storage;

/// <summary>
/// Outermost step of every storage client's pipeline, outside its retries: once they are spent, an SDK error that means
/// "storage unreachable or not answering" (<see cref="StorageFaults"/>) becomes Core's <see cref="StorageUnavailableException"/>,
/// so nothing above the adapters has to know the SDK's exceptions. A refusal of the request itself (404, 409, 412) passes
/// unchanged, for the adapters to catch narrowly; so does a cancellation the caller asked for.
/// </summary>
internal sealed class StorageFaultPolicy : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception e) when (IsOutage(message, e))
        {
            throw new StorageUnavailableException(e);
        }
        ThrowIfFailing(message);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception e) when (IsOutage(message, e))
        {
            throw new StorageUnavailableException(e);
        }
        ThrowIfFailing(message);
    }

    private static bool IsOutage(HttpMessage message, Exception e) => !message.CancellationToken.IsCancellationRequested && StorageFaults.IsUnavailable(e);

    /// <summary>A busy or failing service that still answered after the last retry (408, 5xx).</summary>
    private static void ThrowIfFailing(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status is 408 or >= 500)
            throw new StorageUnavailableException(new RequestFailedException(message.Response));
    }
}
