using System.Text.Json;

namespace Reporting.Functions;

/// <summary>
/// The parts of host.json the app reads: the local host honours the route prefix and the queue trigger's behaviour; the
/// worker (in Azure too) reads maxDequeueCount to know which failed attempt sends a message to its poison queue.
/// </summary>
public sealed record HostJsonSettings(
    string RoutePrefix,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int BatchSize,
    int MaxDequeueCount)
{
    /// <summary>The Functions host's own defaults, used for anything host.json leaves out.</summary>
    public static readonly HostJsonSettings Defaults = new("api", TimeSpan.FromMinutes(1), TimeSpan.Zero, 16, 5);

    /// <summary>The host.json that ships beside the app (both in Azure and under the local host).</summary>
    public static HostJsonSettings LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "host.json"));

    public static HostJsonSettings Load(string path)
    {
        if (!File.Exists(path)) return Defaults;
        using var document = JsonDocument.Parse(File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var queues = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("queues", out var q) ? q : default;
        var http = extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("http", out var h) ? h : default;
        return new HostJsonSettings(
            String(http, "routePrefix") ?? Defaults.RoutePrefix,
            Time(queues, "maxPollingInterval") ?? Defaults.MaxPollingInterval,
            Time(queues, "visibilityTimeout") ?? Defaults.VisibilityTimeout,
            Int(queues, "batchSize") ?? Defaults.BatchSize,
            Int(queues, "maxDequeueCount") ?? Defaults.MaxDequeueCount);
    }

    private static string? String(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static TimeSpan? Time(JsonElement parent, string name) => String(parent, name) is { } s
        ? TimeSpan.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int? Int(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
