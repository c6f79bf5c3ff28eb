using System.Net;
using System.Net.Http.Headers;
using Reporting.Functions.Http;
using Reporting.Functions.Requests;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Editable copies (.docx) for those who go on in WPS (year 2009, 科工局, which no other test uses): a draft version and
/// an assembled report version, made on request with the text the system holds, under the rules of reading that text;
/// the 本部门报告 and 草稿 pages link them.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DocxDownloadTests(LocalHostFixture app)
{
    private const int Year = 2009;
    private const string Department = "kgj";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly Routes Routes = new("api");

    private static async Task<string[]> ParagraphsAsync(HttpResponseMessage response, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileNameStar);
        var text = DocxText.Read(await response.Content.ReadAsByteArrayAsync());
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_report_version_and_a_draft_version_download_as_editable_copies_with_the_text_the_system_holds()
    {
        await app.SubmitFixtureAsync(Year, Department);
        await app.WaitForReportAsync(Year, Department, r => LocalHostFixture.VersionNotified(r, 1));

        // The report: the title, the 主送 line, every line the department submitted in order, then 署名 and 成文日期.
        using (var report = await app.ClientAs($"{Department}-author").GetAsync(Routes.ReportDocx(Year, Department)))
        {
            var paragraphs = await ParagraphsAsync(report, $"魏都区科学技术和工业信息化局{Year}年法治政府建设情况的报告（第1版，可编辑副本）.docx");
            Assert.Equal($"魏都区科学技术和工业信息化局{Year}年法治政府建设情况的报告", paragraphs[0]);
            Assert.EndsWith("：", paragraphs[1]);
            Assert.Equal(FixtureReport.BodyParagraphs, paragraphs[2..^2]);
            Assert.Equal("魏都区科学技术和工业信息化局", paragraphs[^2]);
            Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", paragraphs[^1]);
        }
        using (var named = await app.ClientAs(LocalHostFixture.Office).GetAsync(Routes.ReportDocx(Year, Department, 1)))
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);

        // One draft version: that part's lines as submitted, under the report's title.
        using (var draft = await app.ClientAs($"{Department}-approver").GetAsync(Routes.DraftDocx(Year, Department, "measures", 1)))
        {
            var paragraphs = await ParagraphsAsync(draft, $"魏都区科学技术和工业信息化局{Year}年度报告二、推进法治政府建设的主要举措和…（第1版草稿）.docx");
            var submitted = FixtureReport.Parts["measures"].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
            Assert.Equal(submitted, paragraphs[2..]);
        }

        // Refused as the text itself is: another department's author, an anonymous caller, an unknown or malformed version.
        using (var other = await app.ClientAs("ybj-author").GetAsync(Routes.ReportDocx(Year, Department)))
            await BadInputTests.AssertProblemAsync(other, HttpStatusCode.Forbidden, "another department's author");
        using (var anonymous = await app.Anonymous.GetAsync(Routes.DraftDocx(Year, Department, "duty", 1)))
            await BadInputTests.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "anonymous");
        using (var unknown = await app.ClientAs(LocalHostFixture.Office).GetAsync(Routes.ReportDocx(Year, Department, 9)))
            await BadInputTests.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "report version 9");
        using (var noDraft = await app.ClientAs(LocalHostFixture.Office).GetAsync(Routes.DraftDocx(Year, Department, "duty", 9)))
            await BadInputTests.AssertProblemAsync(noDraft, HttpStatusCode.NotFound, "draft version 9");
        using (var bad = await app.ClientAs(LocalHostFixture.Office).GetAsync($"api/reports/{Year}/{Department}/docx?version=x"))
            await BadInputTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "version x");

        // The pages link them: 本部门报告 beside the PDF and OFD, 草稿 above the version's text.
        var department = await app.ClientAs($"{Department}-author").GetStringAsync($"api/department?year={Year}&department={Department}");
        Assert.Contains($"href=\"{Routes.ReportDocx(Year, Department, 1)}\"", department.Replace("&amp;", "&"));
        var draftPage = await app.ClientAs($"{Department}-author").GetStringAsync($"api/draft?year={Year}&department={Department}&section=duty");
        Assert.Contains($"href=\"{Routes.DraftDocx(Year, Department, "duty", 1)}\"", draftPage);

        // A browser refused gets a zh-CN page, not problem+json.
        using var page = new HttpRequestMessage(HttpMethod.Get, Routes.ReportDocx(Year, Department, 9));
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var refused = await app.ClientAs(LocalHostFixture.Office).SendAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("Word 版", await refused.Content.ReadAsStringAsync());
    }
}
