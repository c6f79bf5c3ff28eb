using System.Text.Json;

namespace Reporting.Functions.Functions;

/// <summary>Parses queue payloads; a payload that is not the expected JSON fails loudly and ends in the poison queue.</summary>
internal static class QueueMessages
{
    public static T Parse<T>(string message) where T : class =>
        JsonSerializer.Deserialize<T>(message, Reporting.Azure.Queues.StorageWorkQueue.Json)
        ?? throw new InvalidDataException($"Queue message is empty: {message}");
}
