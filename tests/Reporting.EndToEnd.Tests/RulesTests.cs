using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The rules table of the README ("Who may do what"), every cell over HTTP on the local host: the JSON API with
/// X-Dev-User, and the form page with the development sign-in's cookie. A cell that does several requests shows each status.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class RulesTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const int AssembledYear = 2019;  // 科工局's report complete and assembled: reads and downloads
    private const int OpenYear = 2018;       // never complete: approvals here queue no assembly
    private const string Department = "kgj";

    /// <summary>Columns: author (own dept), approver (own dept), another department's member, office, office-admin, anonymous.</summary>
    private static readonly string?[] Users = ["kgj-author", "kgj-approver", "sfj-approver", "office", "office-admin", null];

    private const string Read = "200/200";       // GET reports/{year}/{department}, GET …/drafts/1
    private const string Year = "200/202/302";   // GET reports/{year}, POST year-end (queued), GET volume/pdf
    private const string Members = "200/200/204"; // GET, PUT, DELETE members/{userId}

    private static readonly (string Action, string[] Expected)[] ApiTable =
    [
        ("submit a draft",                     ["201", "201", "403", "403", "403", "401"]),
        ("read drafts, status",                [Read, Read, "403", Read, Read, "401"]),
        ("approve/reject another's draft",     ["403", "200", "403", "403", "403", "401"]),
        ("approve/reject a draft they wrote",  ["403", "403", "403", "403", "403", "401"]),
        ("download a PDF",                     ["302", "302", "403", "302", "302", "401"]),
        ("year overview, volume, run year-end", ["403", "403", "403", Year, Year, "401"]),
        ("manage members",                     ["403", "403", "403", "403", Members, "401"]),
    ];

    private static readonly (string Action, string[] Expected)[] PageTable =
    [
        ("open the form",                      ["200", "200", "200", "200", "200", "302"]),
        ("submit a draft through the form",    ["201", "201", "403", "403", "403", "401"]),
    ];

    [Fact]
    public async Task Every_cell_of_the_rules_table_holds_over_HTTP_in_the_API_and_the_pages()
    {
        await app.SubmitFixtureAsync(AssembledYear, Department);
        await app.WaitForReportAsync(AssembledYear, Department, r => LocalHostFixture.VersionNotified(r, 1));
        var draftsBefore = await app.CountDraftRowsAsync();

        var failures = new List<string>();
        var table = new StringBuilder("| action | author | approver | other dept | office | office-admin | anonymous |\n|---|---|---|---|---|---|---|\n");
        foreach (var (action, expected, cell) in ApiTable.Select(r => (r.Action, r.Expected, ApiCell(r.Action)))
                     .Concat(PageTable.Select(r => (r.Action, r.Expected, PageCell(r.Action)))))
        {
            var row = new List<string>();
            for (var column = 0; column < Users.Length; column++)
            {
                var actual = await cell(Users[column]);
                row.Add(actual == expected[column] ? actual : $"**{actual}** (want {expected[column]})");
                if (actual != expected[column]) failures.Add($"{action} as {Users[column] ?? "anonymous"}: {actual}, want {expected[column]}");
            }
            table.Append($"| {action} | {string.Join(" | ", row)} |\n");
        }
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n\n" + table);

        // Submissions allowed above: the author and the approver, through the API and the form; nothing from the refused ones.
        // Submissions: the author and the approver through the API and the form (4), and one draft per column for each review row (12).
        Assert.Equal(draftsBefore + 4 + 12, await app.CountDraftRowsAsync());
    }

    private Func<string?, Task<string>> ApiCell(string action) => action switch
    {
        "submit a draft" => user => Status(Send(user, HttpMethod.Post, "api/drafts", Form(OpenYear, "other"))),
        "read drafts, status" => user => Statuses(
            () => Send(user, HttpMethod.Get, $"api/reports/{AssembledYear}/{Department}"),
            () => Send(user, HttpMethod.Get, $"api/reports/{AssembledYear}/{Department}/sections/duty/drafts/1")),
        "approve/reject another's draft" => async user =>
        {
            var version = await app.SubmitOkAsync(OpenYear, Department, "shortcomings", NextText("存在的不足：执法培训不够"));
            return await Status(Send(user, HttpMethod.Post, Approval("shortcomings", version), Decision("approve")));
        }
        ,
        "approve/reject a draft they wrote" => async user =>
        {
            // Whoever may write wrote this one; the others face a draft by the department's author (and may not review at all).
            var writer = user is "kgj-author" or "kgj-approver" ? user : "kgj-author";
            var version = await app.SubmitOkAsync(OpenYear, Department, "plans", NextText("下一步工作安排"), writer);
            using var response = await Send(user, HttpMethod.Post, Approval("plans", version), Decision("reject"));
            if (user == "kgj-approver")
                Assert.Contains("四眼", (await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "four-eyes")).GetProperty("detail")
                    .GetString());
            return ((int)response.StatusCode).ToString();
        }
        ,
        "download a PDF" => user => Status(Send(user, HttpMethod.Get, $"api/reports/{AssembledYear}/{Department}/pdf")),
        "year overview, volume, run year-end" => user => Statuses(
            () => Send(user, HttpMethod.Get, $"api/reports/{AssembledYear}"),
            () => RunYearEndAsync(user),
            () => Send(user, HttpMethod.Get, $"api/reports/{AssembledYear}/volume/pdf")),
        "manage members" => user => Statuses(
            () => Send(user, HttpMethod.Get, "api/members/kgj-author"),
            () => Send(user, HttpMethod.Put, "api/members/rules-probe",
                new StringContent("""{"role":"author","department":"kgj"}""", Encoding.UTF8, "application/json")),
            () => Send(user, HttpMethod.Delete, "api/members/rules-probe")),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The display name the pages show for a development user (pages print names, not ids).</summary>
    private static string NameOf(string user) => Reporting.Development.Identity.DevelopmentUsers
        .For(Reporting.Core.Directory.DistrictDirectoryJson.Load(TestSupport.RepoPaths.Fixture("departments.json"))).Single(u => u.Id == user).Name;

    private Func<string?, Task<string>> PageCell(string action) => action switch
    {
        "open the form" => async user =>
        {
            using var request = await BrowserRequestAsync(user, HttpMethod.Get, "api/form");
            using var response = await app.Anonymous.SendAsync(request);
            if (user is null) Assert.StartsWith("/api/dev/sign-in?returnUrl=", response.Headers.Location?.ToString());
            else Assert.Contains($"当前登录：{NameOf(user)}", await response.Content.ReadAsStringAsync());
            return ((int)response.StatusCode).ToString();
        }
        ,
        "submit a draft through the form" => async user =>
        {
            using var request = await BrowserRequestAsync(user, HttpMethod.Post, "api/drafts");
            request.Content = new MultipartFormDataContent
            {
                { new StringContent(OpenYear.ToString()), "year" }, { new StringContent(Department), "department" },
                { new StringContent("other"), "section" }, { new StringContent(NextText("其他有关情况")), "body" },
                { new StringContent("冒名者"), "author" },
            };
            using var response = await app.Anonymous.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                // The author named in the form is ignored: the page names the signed-in person.
                Assert.Contains($"当前登录：{NameOf(user!)}", text);
                Assert.DoesNotContain("冒名者", text);
            }
            return ((int)response.StatusCode).ToString();
        }
        ,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>What a browser sends: the sign-in cookie (when signed in), Accept: text/html, same-origin headers on a post.</summary>
    private async Task<HttpRequestMessage> BrowserRequestAsync(string? user, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (user is not null) request.Headers.Add("Cookie", await app.SignInCookieAsync(user));
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Origin", app.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
        }
        return request;
    }

    private Task<HttpResponseMessage> Send(string? user, HttpMethod method, string path, HttpContent? content = null) =>
        (user is null ? app.Anonymous : app.ClientAs(user)).SendAsync(new HttpRequestMessage(method, path) { Content = content });

    /// <summary>POST year-end; when it is accepted, waits for the queued run to finish, so the volume the next request reads is there.</summary>
    private async Task<HttpResponseMessage> RunYearEndAsync(string? user)
    {
        var response = await Send(user, HttpMethod.Post, $"api/reports/{AssembledYear}/year-end");
        if (response.StatusCode == System.Net.HttpStatusCode.Accepted) await app.WaitForYearEndRunAsync(response.Headers.Location!, user!);
        return response;
    }

    private static async Task<string> Status(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return ((int)response.StatusCode).ToString();
    }

    /// <summary>The requests of one cell, one after another: one status when they agree on a refusal, else each in order.</summary>
    private static async Task<string> Statuses(params Func<Task<HttpResponseMessage>>[] sends)
    {
        var statuses = new List<string>();
        foreach (var send in sends) statuses.Add(await Status(send()));
        return statuses.Distinct().Count() == 1 && statuses[0] is "401" or "403" ? statuses[0] : string.Join('/', statuses);
    }

    private static string Approval(string section, int version) => $"api/reports/{OpenYear}/{Department}/sections/{section}/drafts/{version}/approval";

    private static FormUrlEncodedContent Decision(string decision) => new(new Dictionary<string, string> { ["decision"] = decision, ["comment"] = "审核意见" });

    private FormUrlEncodedContent Form(int year, string section) => new(new Dictionary<string, string>
    {
        ["year"] = year.ToString(), ["department"] = Department, ["section"] = section, ["body"] = NextText("其他有关情况"),
    });

    private int _texts;

    /// <summary>A text no submission of this test sent before: the same text as a part's newest version is refused (nothing changed).</summary>
    private string NextText(string text) => $"{text}（第 {Interlocked.Increment(ref _texts)} 稿）。";
}
