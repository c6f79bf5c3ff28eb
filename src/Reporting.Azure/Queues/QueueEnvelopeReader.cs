using System.Diagnostics;
using Reporting.Core.Queues;

namespace Reporting.Azure.Queues;

/// <summary>Reads what <see cref="StorageWorkQueue"/> wrote: a <see cref="QueueEnvelope"/>.</summary>
public sealed class QueueEnvelopeReader : IWorkMessageReader
{
    public T Read<T>(string text, out ActivityContext parent) where T : class => QueueEnvelope.Read<T>(text, out parent);
}
