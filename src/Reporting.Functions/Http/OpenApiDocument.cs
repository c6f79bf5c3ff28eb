using System.Text.Json.Nodes;

namespace Reporting.Functions.Http;

/// <summary>
/// The hand-kept OpenAPI 3.1 document of the HTTP API (<c>openapi.json</c>, embedded): no OpenAPI generator serves the
/// isolated worker from the packages this project may use, so a test holds the document to every <c>[Function]</c>'s
/// route and method instead. Its paths are relative; the server URL is this host's route prefix, filled in here.
/// </summary>
public static class OpenApiDocument
{
    public const string ResourceName = "Reporting.Functions.openapi.json";

    /// <summary>The document as shipped, without a server.</summary>
    public static JsonObject Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>The document with <paramref name="routes"/>' prefix as its one server.</summary>
    public static JsonObject For(Routes routes)
    {
        var document = Load();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = routes.Prefix, ["description"] = "本应用（路由前缀取自 host.json）" });
        return document;
    }
}
