using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Core.Notices;

namespace Reporting.Azure.Queues;

/// <summary>
/// The notification queue's wire format: one JSON shape per kind, named by "kind", with exactly its kind's fields:
/// <code>
/// {"year":2023,"department":"kgj","version":2,"kind":"report"}
/// {"year":2023,"version":1,"kind":"volume"}
/// {"year":2023,"department":"kgj","section":"duty","version":2,"kind":"rejection"}
/// {"year":2024,"department":"kgj","day":"2025-02-15","kind":"reminder"}
/// {"year":2024,"day":"2025-03-02","kind":"overdue"}
/// {"year":2024,"department":"kgj","id":"a1b2c3d4e5","kind":"chase"}
/// {"year":2023,"department":"kgj","section":"duty","version":2,"kind":"approval"}
/// {"year":2023,"department":"kgj","version":2,"author":"kgj-author","kind":"made"}
/// </code>
/// A report's message is byte for byte what it was before the kinds had shapes of their own, so a worker of either
/// version reads the other's; a calendar message queued now that an earlier worker cannot read goes to the poison
/// queue, and the outbox's sweep, which registered it first, queues it again for a current worker.
/// A message queued by earlier code (one shape for every kind) still reads as its kind: it is told apart by "tag",
/// which only that shape has and which stands for the day or the 催报's id; a message with no kind is a report (it
/// predates kinds); its unused fields (department "", version 0) are ignored. An unknown kind or a missing field throws
/// <see cref="JsonException"/>, so such a message ends in the poison queue rather than sending something else.
/// </summary>
internal sealed class NotificationMessageJson : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(NotificationMessage).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(KindConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class KindConverter<T> : JsonConverter<T> where T : NotificationMessage
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var message = ReadMessage(document.RootElement);
            return message as T ?? throw new JsonException($"Expected a {typeof(T).Name} notification, read {message.GetType().Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteMessage(writer, value);
    }

    private static NotificationMessage ReadMessage(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("A notification message is a JSON object.");
        var fields = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        try
        {
            var year = Number(fields, "year") ?? throw new FormatException("A notification needs 'year'.");
            var tag = Text(fields, "tag") ?? Text(fields, "day") ?? Text(fields, "id");
            var department = Text(fields, "department");
            return new NotificationMessageFields(Text(fields, "kind"), year, department, Number(fields, "version"),
                Text(fields, "section") ?? Text(fields, "approver") ?? Text(fields, "author"), tag).ToMessage();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new JsonException($"Not a notification message: {e.Message}", e);
        }
    }

    private static string? Text(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static int? Number(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetInt32() : null;

    private static void WriteMessage(Utf8JsonWriter writer, NotificationMessage message)
    {
        (string Name, object Value)[] fields = message switch
        {
            NotificationMessage.ReportReady m => [("department", m.Department), ("version", m.Version)],
            NotificationMessage.VolumeReady m => [("version", m.Version)],
            NotificationMessage.DraftRejected m => [("department", m.Department), ("section", m.Section), ("version", m.Version)],
            NotificationMessage.DeadlineReminder m => [("department", m.Department), ("day", NotificationMessageFields.IsoDay(m.Day))],
            NotificationMessage.OverdueList o => [("day", NotificationMessageFields.IsoDay(o.Day))],
            NotificationMessage.ReportChased m => [("department", m.Department), ("id", m.Id)],
            NotificationMessage.ReviewAwaited m => [("department", m.Department), ("approver", m.ApproverId), ("tag", m.Window)],
            NotificationMessage.DraftApproved m => [("department", m.Department), ("section", m.Section), ("version", m.Version)],
            NotificationMessage.ReportMade m => [("department", m.Department), ("version", m.Version), ("author", m.AuthorId)],
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "Not a notification message this adapter knows."),
        };
        writer.WriteStartObject();
        writer.WriteNumber("year", message.Year);
        foreach (var (name, value) in fields)
            if (value is int number) writer.WriteNumber(name, number);
            else writer.WriteString(name, (string)value);
        // Last, as it was when kind was an optional field: a report's message is unchanged.
        writer.WriteString("kind", NotificationMessageFields.From(message).Kind);
        writer.WriteEndObject();
    }
}
