using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Functions.Http;

/// <summary>
/// Writes a <see cref="DateTime"/> as ISO 8601 with an offset (an unspecified kind is taken as UTC, which is what
/// storage hands back), so no JSON answer carries a time without its zone; reading accepts only an explicit offset.
/// </summary>
internal sealed class OffsetDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Kind == DateTimeKind.Local ? new DateTimeOffset(value)
            : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
}
