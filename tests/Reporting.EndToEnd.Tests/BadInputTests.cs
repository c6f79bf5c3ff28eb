using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Bad input of any kind gets a 4xx problem+json with a zh-CN message and stores nothing.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class BadInputTests(LocalHostFixture app)
{
    private const string Body = "2023年，我局认真履行法治政府建设责任。";

    public static TheoryData<string, string, string, string, string> BadDrafts => new()
    {
        // case, year, department, section, body (the author is whoever is signed in: kgj-author)
        { "non-numeric year", "20x3", "kgj", "duty", Body },
        { "year out of range", "1999", "kgj", "duty", Body },
        { "two-digit year", "23", "kgj", "duty", Body },
        { "full-width digits", "２０２３", "kgj", "duty", Body },
        { "missing year", "", "kgj", "duty", Body },
        { "unknown department", "2023", "nosuch", "duty", Body },
        { "uppercase department", "2023", "KGJ", "duty", Body },
        { "OData injection", "2023", "kgj' or PartitionKey ne '", "duty", Body },
        { "path characters", "2023", "../kgj", "duty", Body },
        { "slash in department", "2023", "kgj/x", "duty", Body },
        { "unknown section", "2023", "kgj", "summary", Body },
        { "section injection", "2023", "kgj", "duty' or RowKey ne '", Body },
        { "empty body", "2023", "kgj", "duty", "" },
        { "blank body", "2023", "kgj", "duty", " \n\u3000 \n" },
        { "over-long body", "2023", "kgj", "duty", new string('法', 200_001) },
        { "control character", "2023", "kgj", "duty", "正文\u0007内容" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task A_bad_draft_is_refused_with_a_zh_CN_problem_and_nothing_is_stored(string @case, string year, string department, string section,
        string body)
    {
        var before = await app.CountDraftRowsAsync();
        using var response = await app.SubmitAsync(year, department, section, body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, @case);
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task A_character_no_configured_face_can_draw_is_refused_with_its_code_point_and_position()
    {
        var before = await app.CountDraftRowsAsync();
        using var response = await app.SubmitAsync("2023", "kgj", "duty", "第一段正文。\n法治😀建设");
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "emoji");
        var message = problem.GetProperty("errors").GetProperty("body")[0].GetString()!;
        Assert.Contains("U+1F600", message);
        Assert.Contains("第 2 行第 3 个字符", message);
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_valid_UTF8_is_refused()
    {
        var before = await app.CountDraftRowsAsync();
        var raw = Encoding.ASCII.GetBytes("year=2023&department=kgj&section=duty&author=%E5%BC%A0&body=%E6%B3%95%FF%FE");
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await app.Http.PostAsync("api/drafts", content);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid UTF-8");
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task An_uploaded_txt_file_that_is_neither_UTF8_nor_GB18030_is_refused()
    {
        var before = await app.CountDraftRowsAsync();
        using var form = Multipart(new ByteArrayContent(Encoding.Latin1.GetBytes("caf\u00e9 \u00ff")), "draft.txt");
        using var response = await app.Http.PostAsync("api/drafts", form);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Latin-1 file");
        Assert.Contains("GBK", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Theory]
    [InlineData("GBK", 936)]
    [InlineData("GB18030", 54936)]
    public async Task A_txt_upload_saved_as_ANSI_on_chinese_windows_is_stored_as_its_text(string @case, int codePage)
    {
        const string text = "2023年，我局认真履行法治政府建设责任，𠮷祥如意。";
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        var bytes = encoding.GetBytes(@case == "GBK" ? text.Replace("𠮷", "吉") : text);
        using var form = Multipart(new ByteArrayContent(bytes), "记事本.txt");
        using var response = await app.Http.PostAsync("api/drafts", form);
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        var draft = JsonDocument.Parse(await app.Http.GetStringAsync(response.Headers.Location!.ToString().TrimStart('/'))).RootElement;
        Assert.Equal(@case == "GBK" ? text.Replace("𠮷", "吉") : text, draft.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("旧版.doc")]
    [InlineData("WPS文稿.wps")]
    public async Task A_doc_or_wps_upload_is_refused_asking_for_docx_or_txt(string fileName)
    {
        var before = await app.CountDraftRowsAsync();
        // The OLE compound-file signature Word 97–2003 and WPS write.
        using var form = Multipart(new ByteArrayContent([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), fileName);
        using var response = await app.Http.PostAsync("api/drafts", form);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, fileName);
        Assert.Contains("请另存为 .docx 或 .txt", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await app.CountDraftRowsAsync());
    }

    [Fact]
    public async Task An_uploaded_file_of_another_type_is_refused()
    {
        using var form = Multipart(new ByteArrayContent([0x25, 0x50, 0x44, 0x46]), "draft.pdf");
        using var response = await app.Http.PostAsync("api/drafts", form);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "pdf upload");
    }

    /// <summary>The part's own heading line, as a department words it: kept, and printed as written.</summary>
    private const string OwnHeading = "五、其他需要说明的情况";

    [Fact]
    public async Task A_UTF8_txt_upload_is_stored_as_the_body()
    {
        using var form = Multipart(new ByteArrayContent(Encoding.UTF8.GetBytes(OwnHeading + "\n" + Body)), "第一部分.txt");
        using var response = await app.Http.PostAsync("api/drafts", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var draft = JsonDocument.Parse(await app.Http.GetStringAsync(location.TrimStart('/'))).RootElement;
        Assert.Equal(OwnHeading + "\n" + Body, draft.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_docx_upload_is_stored_as_its_paragraphs()
    {
        using var form = Multipart(new ByteArrayContent(HostileBodies.Docx(OwnHeading, "2023年，我局认真履行法治政府建设责任。", "第二段。")), "第五部分.docx");
        using var response = await app.Http.PostAsync("api/drafts", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = JsonDocument.Parse(await app.Http.GetStringAsync(response.Headers.Location!.ToString().TrimStart('/'))).RootElement;
        Assert.Equal(OwnHeading + "\n2023年，我局认真履行法治政府建设责任。\n第二段。", draft.GetProperty("body").GetString());
    }

    [Fact]
    public async Task An_unsupported_content_type_is_refused_with_415()
    {
        using var response = await app.Http.PostAsync("api/drafts", new StringContent("year=2023", Encoding.UTF8, "text/plain"));
        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "text/plain");
    }

    [Fact]
    public async Task Malformed_JSON_for_an_approval_is_refused()
    {
        using var response = await app.Http.PostAsync("api/reports/2023/kgj/sections/duty/drafts/1/approval",
            new StringContent("{\"decision\":", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed json");
    }

    [Fact]
    public async Task Approving_a_version_that_does_not_exist_is_404()
    {
        using var response = await app.DecideAsync(2025, "czj", "duty", 99, "approve");
        await AssertProblemAsync(response, HttpStatusCode.NotFound, "missing version");
    }

    [Fact]
    public async Task Approving_a_rejected_or_superseded_version_is_409_and_changes_nothing()
    {
        var v1 = await app.SubmitOkAsync(2025, "czj", "measures", Body);
        using (var reject = await app.DecideAsync(2025, "czj", "measures", v1, "reject", comment: "请补充数据"))
            Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        using (var rejected = await app.DecideAsync(2025, "czj", "measures", v1, "approve"))
            await AssertProblemAsync(rejected, HttpStatusCode.Conflict, "rejected");

        var v2 = await app.SubmitOkAsync(2025, "czj", "duty", Body);
        var v3 = await app.SubmitOkAsync(2025, "czj", "duty", Body + "（修改稿）");
        using (var superseded = await app.DecideAsync(2025, "czj", "duty", v2, "approve"))
            await AssertProblemAsync(superseded, HttpStatusCode.Conflict, "superseded");
        var report = await app.GetReportAsync(2025, "czj");
        Assert.All(report.GetProperty("sections").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("approvedVersion").ValueKind));
        Assert.Equal(2, v3);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    public async Task An_approval_without_a_valid_decision_is_refused(string decision)
    {
        // A text of its own per case: the part's newest text sent again is refused.
        var v = await app.SubmitOkAsync(2025, "rsj", "duty", Body + $"（审核决定“{decision}”）");
        using var response = await app.DecideAsync(2025, "rsj", "duty", v, decision);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"decision '{decision}'");
    }

    [Theory]
    [InlineData("api/reports/20x3/kgj", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/KGJ", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/kgj'%20or%20'1'%20eq%20'1", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/kgj/sections/duty/drafts/abc", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/kgj/sections/nosuch/drafts/1", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/kgj/sections/duty/drafts/9999", HttpStatusCode.NotFound)]
    [InlineData("api/reports/2031/sjj/pdf", HttpStatusCode.NotFound)]
    [InlineData("api/reports/2023/kgj/pdf?version=0", HttpStatusCode.BadRequest)]
    [InlineData("api/reports/2023/kgj/pdf?version=77", HttpStatusCode.NotFound)]
    public async Task Reading_with_bad_route_values_gets_a_problem_not_a_500(string path, HttpStatusCode expected)
    {
        using var response = await app.ClientAs(LocalHostFixture.Office).GetAsync(path);
        await AssertProblemAsync(response, expected, path);
    }

    private static MultipartFormDataContent Multipart(HttpContent file, string fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("2023"), "year" },
            { new StringContent("kgj"), "department" },
            { new StringContent("other"), "section" },
            { new StringContent("王五"), "author" },
        };
        form.Add(file, "file", fileName);
        return form;
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string @case)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{@case}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString() + detail);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        return problem;
    }
}
