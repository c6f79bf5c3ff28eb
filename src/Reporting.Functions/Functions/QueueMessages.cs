using System.Diagnostics;
using Reporting.Azure.Queues;

namespace Reporting.Functions.Functions;

/// <summary>Parses queue payloads; a payload that is not the expected JSON fails loudly and ends in the poison queue.</summary>
internal static class QueueMessages
{
    /// <param name="parent">The trace context the message carried (default for a message written before it carried one).</param>
    public static T Parse<T>(string message, out ActivityContext parent) where T : class => QueueEnvelope.Read<T>(message, out parent);
}
