using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The JSON API's conventions over HTTP: numbers are JSON numbers and text is JSON strings, both ways strictly, in
/// every JSON request body; nothing is stored for a refused body. Year 2001 is this file's alone.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class JsonConventionsTests(LocalHostFixture app)
{
    private const int Year = 2001;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static TheoryData<string, string, string, string, string> WrongKinds => new()
    {
        // case, user, route, body, the field named
        { "a number as the draft's body", "kgj-author", "api/drafts", $$"""{"year":{{Year}},"department":"kgj","section":"duty","body":123}""", "body" },
        { "the year as a string", "kgj-author", "api/drafts", $$"""{"year":"{{Year}}","department":"kgj","section":"duty","body":"正文。"}""", "year" },
        { "a number as the department", "kgj-author", "api/drafts", $$"""{"year":{{Year}},"department":7,"section":"duty","body":"正文。"}""", "department" },
        { "a boolean as the section", "kgj-author", "api/drafts", $$"""{"year":{{Year}},"department":"kgj","section":true,"body":"正文。"}""", "section" },
        { "an array as the body", "kgj-author", "api/drafts", $$"""{"year":{{Year}},"department":"kgj","section":"duty","body":["正文。"]}""", "body" },
        { "a number as the comment", "kgj-approver", $"api/reports/{Year}/kgj/sections/measures/drafts/1/approval",
            """{"decision":"approve","comment":5}""", "comment" },
        { "an object as the decision", "kgj-approver", $"api/reports/{Year}/kgj/sections/measures/drafts/1/approval",
            """{"decision":{"value":"approve"}}""", "decision" },
        { "a number as the role", "office-admin", "api/members/json-e2e", """{"role":1}""", "role" },
        { "a boolean as the member's department", "office-admin", "api/members/json-e2e", """{"role":"author","department":false}""", "department" },
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public async Task A_JSON_value_of_the_wrong_kind_is_a_400_naming_the_field_and_nothing_is_stored(string @case, string user, string route, string body,
        string field)
    {
        // A measures draft for the approval cases to be about, so their refusal cannot be a 404 in disguise.
        await EnsureMeasuresDraftAsync();
        await app.WaitForQueuesToDrainAsync();  // nothing of this year still on its way, so a change can only be this request's
        var before = await app.SnapshotStorageAsync(Year.ToString());

        using var response = await Send(user, route, body);

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, @case);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{@case}: no error for “{field}”: {problem}");
        Assert.Contains($"“{field}”", messages[0].GetString());
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.SnapshotStorageAsync(Year.ToString()));
        if (route.StartsWith("api/members", StringComparison.Ordinal))
            using (var member = await app.ClientAs("office-admin").GetAsync(route))
                Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
    }

    [Fact]
    public async Task Every_wrong_field_of_one_body_is_named_at_once()
    {
        using var response = await Send("kgj-author", "api/drafts", """{"year":"2001","department":"kgj","section":1,"body":2}""");

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "three wrong fields");
        Assert.Equal(["body", "section", "year"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
    }

    [Fact]
    public async Task A_JSON_draft_with_a_number_year_and_null_for_an_absent_field_is_stored()
    {
        using var response = await Send("kgj-author", "api/drafts",
            $$"""{"year":{{Year}},"department":"kgj","section":"plans","body":"明年继续推进依法行政。","author":"不被采信","comment":null}""");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var draft = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Number, draft.GetProperty("year").ValueKind);
        Assert.Equal(Year, draft.GetProperty("year").GetInt32());
        Assert.Equal("kgj-author", draft.GetProperty("authorId").GetString());
    }

    [Fact]
    public async Task A_form_still_sends_the_year_as_text()
    {
        // Forms carry only text: the strict kinds are JSON's alone.
        Assert.True(await app.SubmitOkAsync(Year, "kgj", "other", "其他有关情况说明。") >= 1);
    }

    [Fact]
    public async Task The_finished_year_end_run_and_the_year_view_name_the_same_volume()
    {
        await EnsureAssembledReportAsync();
        var office = app.ClientAs(LocalHostFixture.Office);

        var yearEnd = await app.RunYearEndAsync(Year);
        var year = JsonDocument.Parse(await office.GetStringAsync($"api/reports/{Year}")).RootElement;

        Assert.Equal("done", yearEnd.GetProperty("state").GetString());
        Assert.Equal(year.GetProperty("volume").GetProperty("version").GetInt32(), yearEnd.GetProperty("volume").GetProperty("version").GetInt32());
        Assert.Equal(year.GetProperty("volume").GetProperty("ofdUrl").GetString(), yearEnd.GetProperty("volume").GetProperty("ofdUrl").GetString());
        Assert.Contains(yearEnd.GetProperty("outcome").GetString(), new[] { "created", "unchanged", "notified" });
    }

    [Fact]
    public async Task Every_timestamp_in_the_JSON_answers_is_ISO_8601_with_an_offset()
    {
        var answers = await CollectAnswersAsync();

        var timestamps = 0;
        foreach (var (endpoint, text) in answers)
            foreach (var (path, value) in Leaves(JsonDocument.Parse(text).RootElement, endpoint))
            {
                var named = path.EndsWith("At", StringComparison.Ordinal) || path.EndsWith("Since", StringComparison.Ordinal)
                    || path.EndsWith(".at", StringComparison.Ordinal);
                var looksLikeTime = value.ValueKind == JsonValueKind.String && Regex.IsMatch(value.GetString()!, @"^\d{4}-\d{2}-\d{2}[T ]\d{2}:");
                if (!named && !looksLikeTime) continue;
                if (value.ValueKind == JsonValueKind.Null) continue;
                Assert.True(value.ValueKind == JsonValueKind.String && IsoWithOffset.IsMatch(value.GetString()!),
                    $"{path} = {value.GetRawText()} is not ISO 8601 with an offset");
                timestamps++;
            }
        // submittedAt, reviewedAt, requestedAt, assembledAt, notifiedAt, the audit trail, the channels, the volume's claimedAt/storedAt…
        Assert.True(timestamps >= 20, $"only {timestamps} timestamps were seen");
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_to_anyone_with_this_host_s_prefix_as_its_server()
    {
        using var response = await app.Anonymous.GetAsync("api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.1.", document.GetProperty("openapi").GetString());
        Assert.Equal("/api", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/reports/{year}/year-end", out _));
    }

    [Fact]
    public async Task Every_JSON_answer_has_exactly_the_fields_its_OpenAPI_schema_names()
    {
        var answers = await CollectAnswersAsync();
        var document = JsonDocument.Parse(await app.Anonymous.GetStringAsync("api/openapi.json")).RootElement;

        var mismatches = new List<string>();
        foreach (var (operation, text) in answers)
        {
            var (method, route, status) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1], operation.Split(' ')[2]);
            var schema = document.GetProperty("paths").GetProperty(route).GetProperty(method).GetProperty("responses").GetProperty(status)
                .GetProperty("content").GetProperty("application/json").GetProperty("schema");
            CompareWithSchema(document, JsonDocument.Parse(text).RootElement, schema, operation, mismatches);
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static int _revisions;

    /// <summary>One answer of every JSON operation that has one, keyed "METHOD /route status" as in openapi.json.</summary>
    private async Task<Dictionary<string, string>> CollectAnswersAsync()
    {
        var versions = await EnsureAssembledReportAsync();
        var office = app.ClientAs(LocalHostFixture.Office);
        using var run = await office.PostAsync($"api/reports/{Year}/year-end", null);
        var accepted = await run.Content.ReadAsStringAsync();
        var finished = await app.WaitForYearEndRunAsync(run.Headers.Location!);
        // A text of its own per call (more than one test collects): the part's newest text sent again is refused.
        var revision = Interlocked.Increment(ref _revisions);
        using var submitted = await Send("kgj-author", "api/drafts",
            $$"""{"year":{{Year}},"department":"kgj","section":"duty","body":"再次修改的正文（第 {{revision}} 次）。"}""");
        var draft = await submitted.Content.ReadAsStringAsync();
        const string draftRoute = "/reports/{year}/{department}/sections/{section}/drafts/{version}";
        return new Dictionary<string, string>
        {
            ["POST /drafts 201"] = draft,
            [$"POST {draftRoute}/approval 200"] =
                (await app.ApproveOkAsync(Year, "kgj", "duty", JsonDocument.Parse(draft).RootElement.GetProperty("version").GetInt32())).GetRawText(),
            ["GET /reports/{year}/{department} 200"] = (await app.GetReportAsync(Year, Department)).GetRawText(),
            [$"GET {draftRoute} 200"] = await office.GetStringAsync($"api/reports/{Year}/{Department}/sections/duty/drafts/{versions["duty"]}"),
            ["GET /reports/{year} 200"] = await office.GetStringAsync($"api/reports/{Year}"),
            ["POST /reports/{year}/year-end 202"] = accepted,
            ["GET /reports/{year}/year-end/{id} 200"] = finished.GetRawText(),
            ["GET /members 200"] = await app.ClientAs("office-admin").GetStringAsync("api/members"),
            ["GET /members/{userId} 200"] = await app.ClientAs("office-admin").GetStringAsync("api/members/office"),
            ["GET /seals 200"] = await app.ClientAs("office-admin").GetStringAsync("api/seals"),
        };
    }

    /// <summary>Objects must have exactly the schema's properties (maps, with additionalProperties, any keys); arrays and nested values recursively.</summary>
    private static void CompareWithSchema(JsonElement document, JsonElement value, JsonElement schema, string path, List<string> mismatches)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document, (node, part) => node.GetProperty(part));
        if (schema.TryGetProperty("oneOf", out var alternatives))
        {
            if (value.ValueKind == JsonValueKind.Null) return;
            schema = alternatives.EnumerateArray()
                .First(a => !(a.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            CompareWithSchema(document, value, schema, path, mismatches);
            return;
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var expected = properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var actual = value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(actual))
                mismatches.Add($"{path}: answered [{string.Join(", ", actual.Except(expected))}] not in the schema; schema names [{string.Join(", "
                    + "", expected.Except(actual))}] not answered");
            foreach (var property in value.EnumerateObject())
                if (properties.TryGetProperty(property.Name, out var inner)) CompareWithSchema(document, property.Value, inner, $"{path}.{property.Name}",
                    mismatches);
        }
        else if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("additionalProperties", out var values))
            foreach (var property in value.EnumerateObject()) CompareWithSchema(document, property.Value, values, $"{path}.{property.Name}", mismatches);
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
            foreach (var item in value.EnumerateArray()) CompareWithSchema(document, item, items, path + "[]", mismatches);
    }

    private static readonly Regex IsoWithOffset = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$");

    private const string Department = "sfj";

    /// <summary>司法局's 2001 report through the whole flow once (approved, assembled, notified); the draft versions.</summary>
    private async Task<Dictionary<string, int>> EnsureAssembledReportAsync()
    {
        var report = await app.GetReportAsync(Year, Department);
        if (report.GetProperty("versions").GetArrayLength() > 0)
            return report.GetProperty("sections").EnumerateArray().Where(s => s.GetProperty("drafts").GetArrayLength() > 0)
                .ToDictionary(s => s.GetProperty("section").GetString()!, s => s.GetProperty("drafts")[0].GetProperty("version").GetInt32());
        var versions = await app.SubmitFixtureAsync(Year, Department);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));
        return versions;
    }

    private static IEnumerable<(string Path, JsonElement Value)> Leaves(JsonElement element, string path, bool includeContainers = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (includeContainers && path.Length > 0) yield return (path, element);
                foreach (var property in element.EnumerateObject())
                    foreach (var leaf in Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", includeContainers))
                        yield return leaf;
                break;
            case JsonValueKind.Array:
                if (includeContainers) yield return (path, element);
                foreach (var item in element.EnumerateArray())
                    foreach (var leaf in Leaves(item, path + "[]", includeContainers))
                        yield return leaf;
                break;
            default:
                yield return (path, element);
                break;
        }
    }

    private async Task EnsureMeasuresDraftAsync()
    {
        var report = await app.GetReportAsync(Year, "kgj");
        if (report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "measures").GetProperty("drafts")
            .GetArrayLength() == 0)
            await app.SubmitOkAsync(Year, "kgj", "measures", "主要举措说明。");
    }

    private Task<HttpResponseMessage> Send(string user, string route, string body) =>
        route.StartsWith("api/members", StringComparison.Ordinal)
            ? app.ClientAs(user).PutAsync(route, Json(body))
            : app.ClientAs(user).PostAsync(route, Json(body));
}
