using System.Text.Json;
using Reporting.Functions.Http;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The API's serializer writes every timestamp with its offset, whatever type holds it.</summary>
public sealed class JsonTimestampTests
{
    [Fact]
    public void A_DateTime_of_any_kind_is_written_with_an_offset()
    {
        var json = JsonSerializer.Serialize(new
        {
            unspecified = new DateTime(2026, 11, 27, 8, 5, 0, DateTimeKind.Unspecified),
            utc = new DateTime(2026, 11, 27, 8, 5, 0, DateTimeKind.Utc),
            offset = new DateTimeOffset(2026, 11, 27, 16, 5, 0, TimeSpan.FromHours(8)),
        }, ApiResult.Json);

        Assert.Equal("""{"unspecified":"2026-11-27T08:05:00+00:00","utc":"2026-11-27T08:05:00+00:00","offset":"2026-11-27T16:05:00+08:00"}""",
            json.Replace(" ", "").Replace("\n", "").Replace("\r", ""));
    }
}
