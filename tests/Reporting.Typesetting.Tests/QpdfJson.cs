using System.Text.Json;

namespace Reporting.Typesetting.Tests;

/// <summary>A PDF's objects as qpdf's JSON (version 2) gives them, stream data decoded and inline.</summary>
internal sealed class QpdfJson
{
    private readonly Dictionary<string, JsonElement> _objects;

    private QpdfJson(Dictionary<string, JsonElement> objects) => _objects = objects;

    public static QpdfJson Read(string file)
    {
        var (exit, output, error) = Tools.Run("/usr/bin/qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file);
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement.GetProperty("qpdf")[1];
        return new QpdfJson(root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }

    public JsonElement Trailer => _objects["trailer"].GetProperty("value");

    /// <summary>Every object's value (a stream's dictionary for a stream), with its key ("obj:6 0 R").</summary>
    public IEnumerable<(string Key, JsonElement Value)> Objects =>
        _objects.Where(o => o.Key != "trailer")
            .Select(o => (o.Key, o.Value.TryGetProperty("stream", out var s) ? s.GetProperty("dict") : o.Value.GetProperty("value")));

    /// <summary>The object a reference ("6 0 R") points to, or the value itself when it is direct.</summary>
    public JsonElement Resolve(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || !value.GetString()!.EndsWith(" R", StringComparison.Ordinal)) return value;
        var o = _objects["obj:" + value.GetString()];
        return o.TryGetProperty("stream", out var s) ? s.GetProperty("dict") : o.GetProperty("value");
    }

    public byte[] StreamData(JsonElement reference)
    {
        var stream = _objects["obj:" + reference.GetString()].GetProperty("stream");
        return Convert.FromBase64String(stream.GetProperty("data").GetString()!);
    }

    public JsonElement Catalog => Resolve(Trailer.GetProperty("/Root"));
}
