using System.Net;
using System.Text;
using System.Text.Json;
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
        { "a number as the comment", "kgj-approver", $"api/reports/{Year}/kgj/sections/measures/drafts/1/approval", """{"decision":"approve","comment":5}""", "comment" },
        { "an object as the decision", "kgj-approver", $"api/reports/{Year}/kgj/sections/measures/drafts/1/approval", """{"decision":{"value":"approve"}}""", "decision" },
        { "a number as the role", "office-admin", "api/members/json-e2e", """{"role":1}""", "role" },
        { "a boolean as the member's department", "office-admin", "api/members/json-e2e", """{"role":"author","department":false}""", "department" },
    };

    [Theory]
    [MemberData(nameof(WrongKinds))]
    public async Task A_JSON_value_of_the_wrong_kind_is_a_400_naming_the_field_and_nothing_is_stored(string @case, string user, string route, string body, string field)
    {
        // A measures draft for the approval cases to be about, so their refusal cannot be a 404 in disguise.
        await EnsureMeasuresDraftAsync();
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

    private async Task EnsureMeasuresDraftAsync()
    {
        var report = await app.GetReportAsync(Year, "kgj");
        if (report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "measures").GetProperty("drafts").GetArrayLength() == 0)
            await app.SubmitOkAsync(Year, "kgj", "measures", "主要举措说明。");
    }

    private Task<HttpResponseMessage> Send(string user, string route, string body) =>
        route.StartsWith("api/members", StringComparison.Ordinal)
            ? app.ClientAs(user).PutAsync(route, Json(body))
            : app.ClientAs(user).PostAsync(route, Json(body));
}
