using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reporting.Azure.Queues;

/// <summary>
/// The wire format of a work message: the message's own JSON object plus, when a trace is being recorded, the W3C trace
/// context of the step that queued it (traceparent, and tracestate if any) as two more properties beside its fields.
/// Flat rather than nested, so a message written before trace context existed reads as one with none, and a reader
/// that knows nothing of it (an older worker during a deployment) ignores the two properties.
/// </summary>
public static class QueueEnvelope
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>Web defaults (camelCase); notification messages in their kinds' own shapes (<see cref="NotificationMessageJson"/>).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new NotificationMessageJson() } };

    /// <summary>The message as JSON, carrying the context of <paramref name="current"/> when it is a W3C activity.</summary>
    public static string Write<T>(T message, Activity? current) where T : class
    {
        var node = JsonSerializer.SerializeToNode(message, Json)!.AsObject();
        if (current is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            node[TraceParent] = id;
            if (current.TraceStateString is { Length: > 0 } state) node[TraceState] = state;
        }
        return node.ToJsonString(Json);
    }

    /// <summary>
    /// Reads a message; <paramref name="parent"/> is the context it carried, or default when it carried none or one
    /// that does not parse (the work is done either way: a trace is worth less than the message).
    /// </summary>
    public static T Read<T>(string text, out ActivityContext parent) where T : class
    {
        using var document = JsonDocument.Parse(text);
        var message = document.Deserialize<T>(Json) ?? throw new InvalidDataException($"Queue message is empty: {text}");
        parent = default;
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(TraceParent, out var traceParent) && traceParent.ValueKind == JsonValueKind.String)
        {
            var state = root.TryGetProperty(TraceState, out var traceState) && traceState.ValueKind == JsonValueKind.String ? traceState.GetString() : null;
            if (!ActivityContext.TryParse(traceParent.GetString(), state, isRemote: true, out parent)) parent = default;
        }
        return message;
    }
}
