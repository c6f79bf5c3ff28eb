using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Reporting.Functions.Functions;
using Reporting.Functions.Http;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The hand-kept OpenAPI document against the functions the app really declares, and against its own conventions.</summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonObject Document = OpenApiDocument.Load();

    private static JsonObject Paths => Document["paths"]!.AsObject();

    /// <summary>Functions not in the document, each for a stated reason.</summary>
    private static readonly Dictionary<string, string> NotDocumented = new()
    {
        [UnmatchedRouteFunction.Name] = "the catch-all: answers 404/405 for every path no other function serves",
    };

    private const string PageTag = "页面";

    /// <summary>(function name, route without the prefix and with constraints dropped, lowercase method) of every HTTP trigger.</summary>
    private static IEnumerable<(string Function, string Route, string Method)> HttpFunctions() =>
        typeof(OpenApiFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().FirstOrDefault()))
            .Where(f => f is { Function: not null, Trigger: not null })
            .SelectMany(f => (f.Trigger!.Methods ?? ["get", "post"]).Select(method =>
                (f.Function!.Name, "/" + Regex.Replace(f.Trigger.Route ?? f.Function.Name, @"\{(\*?\w+)(:[^}]*\))?[^}]*\}",
                    m => "{" + m.Groups[1].Value.TrimStart('*') + "}"), method.ToLowerInvariant())));

    private static JsonObject? Operation(string route, string method) => Paths[route]?[method]?.AsObject();

    private static bool IsPage(JsonObject operation) => operation["tags"]!.AsArray().Any(t => t!.GetValue<string>() == PageTag);

    [Fact]
    public void Every_http_function_s_route_and_method_is_in_the_document()
    {
        var functions = HttpFunctions().Where(f => !NotDocumented.ContainsKey(f.Function)).ToList();
        Assert.True(functions.Count >= 15, $"only {functions.Count} HTTP functions found");

        // A page's form post (any method but GET on a route whose GET is a page) belongs to the page, not to the JSON API.
        var missing = functions.Where(f => Operation(f.Route, f.Method) is null
                && !(f.Method != "get" && Operation(f.Route, "get") is { } page && IsPage(page)))
            .Select(f => $"{f.Method.ToUpperInvariant()} {f.Route} ({f.Function})").ToList();
        Assert.True(missing.Count == 0, "not in openapi.json: " + string.Join("; ", missing));
    }

    [Fact]
    public void Every_API_operation_in_the_document_is_served_by_a_function_of_that_name()
    {
        var functions = HttpFunctions().ToList();
        var stale = Paths.SelectMany(p => p.Value!.AsObject().Select(o => (Route: p.Key, Method: o.Key, Operation: o.Value!.AsObject())))
            .Where(o => !IsPage(o.Operation))
            .Where(o => !functions.Any(f => f.Route == o.Route && f.Method == o.Method && f.Function == o.Operation["operationId"]!.GetValue<string>()))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Route}").ToList();
        Assert.True(stale.Count == 0, "in openapi.json but served by no function of that operationId: " + string.Join("; ", stale));
    }

    [Fact]
    public void The_document_is_OpenAPI_3_1_in_Chinese_with_problem_responses_and_the_development_sign_in_header()
    {
        Assert.StartsWith("3.1.", Document["openapi"]!.GetValue<string>());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Document["info"]!["description"]!.GetValue<string>());
        foreach (var (route, item) in Paths)
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {route}";
                Assert.True(Regex.IsMatch(operation["summary"]!.GetValue<string>(), @"\p{IsCJKUnifiedIdeographs}"), $"{name}: summary is not Chinese");
                // The document itself, and the health check: anonymous by design, its 503 is the health answer, not a problem.
                if (route is "/openapi.json" or "/health") continue;
                Assert.True(operation["parameters"]!.AsArray().Any(p => p!["$ref"]?.GetValue<string>() == "#/components/parameters/DevUser"),
                    $"{name}: no X-Dev-User header");
                if (IsPage(operation)) continue;
                var errors = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
                Assert.True(errors.Count >= 3, $"{name}: only {errors.Count} error responses");
                Assert.All(errors, r => Assert.Equal("application/problem+json", Resolve(r.Value!)["content"]!.AsObject().Single().Key));
            }
        Assert.Equal("X-Dev-User", Document["components"]!["parameters"]!["DevUser"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/drafts", "post", nameof(JsonFields.Draft))]
    [InlineData("/reports/{year}/{department}/sections/{section}/drafts/{version}/approval", "post", nameof(JsonFields.Decision))]
    [InlineData("/members/{userId}", "put", nameof(JsonFields.Member))]
    [InlineData("/reports/{year}/{department}/publication", "post", nameof(JsonFields.Publication))]
    [InlineData("/reports/{year}/publication", "post", nameof(JsonFields.YearPublication))]
    [InlineData("/reports/{year}/{department}/publication/withdrawal", "post", nameof(JsonFields.Withdrawal))]
    public void A_JSON_request_schema_names_the_fields_and_kinds_the_endpoint_reads(string route, string method, string fieldsName)
    {
        var fields = (JsonFields)typeof(JsonFields).GetField(fieldsName)!.GetValue(null)!;
        var schema = Resolve(Operation(route, method)!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var properties = schema["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>());

        Assert.Equal(fields.Kinds.Keys.Order(), properties.Keys.Order());
        Assert.All(fields.Kinds, f => Assert.Equal(f.Value switch
        {
            JsonValueKind.Number => "integer",
            JsonValueKind.True => "boolean",
            _ => "string",
        }, properties[f.Key]));
    }

    [Fact]
    public void The_served_document_names_this_host_s_prefix_as_its_server()
    {
        var served = OpenApiDocument.For(new Routes("fz"));
        Assert.Equal("/fz", served["servers"]![0]!["url"]!.GetValue<string>());
    }

    private static JsonNode Resolve(JsonNode node) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)Document, (n, part) => n[part]!)
            : node;
}
