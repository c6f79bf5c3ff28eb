using System.Text.Json;

namespace Reporting.Functions.Http;

/// <summary>
/// Every URL the app hands out (links on pages, Location headers, links in notices), built from host.json's
/// <c>extensions.http.routePrefix</c> so no other file spells "/api". Pages and notices ask here; Core never builds a URL.
/// </summary>
public sealed class Routes
{
    public Routes(string prefix) => Prefix = "/" + prefix.Trim('/');

    /// <summary>"/api" (or whatever host.json says), without a trailing slash.</summary>
    public string Prefix { get; }

    /// <summary>Reads the prefix from the host.json that ships beside the app (the Functions host's default "api" when absent).</summary>
    public static Routes FromHostJson(string path)
    {
        if (!File.Exists(path)) return new Routes("api");
        using var document = JsonDocument.Parse(File.ReadAllText(path),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        return root.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty("http", out var http) && http.ValueKind == JsonValueKind.Object
            && http.TryGetProperty("routePrefix", out var prefix) && prefix.ValueKind == JsonValueKind.String
            ? new Routes(prefix.GetString()!)
            : new Routes("api");
    }

    // ---- pages ----
    public string Todo(int? year = null) => Path("todo", ("year", year?.ToString()));

    /// <summary>How many items 我的待办 holds (JSON), for the navigation's count.</summary>
    public string TodoCount(int? year = null) => Path("todo/count", ("year", year?.ToString()));

    /// <summary>
    /// 我的待办 after the last waiting draft was decided: <paramref name="decided"/> (<c>section.version</c>) of
    /// <paramref name="department"/> is named at its top.
    /// </summary>
    public string Todo(int year, string department, string decided) =>
        Path("todo", ("year", year.ToString()), ("department", department), ("decided", decided));

    /// <summary>
    /// 提交/修改; with a <paramref name="section"/> that has versions, the form starts from the newest one's text, or <paramref name="version"/>'s.
    /// </summary>
    public string Form(int? year = null, string? department = null, string? section = null, int? version = null) =>
        Path("form", ("year", year?.ToString()), ("department", department), ("section", section), ("version", version?.ToString()));

    /// <summary>草稿: one part's versions; <paramref name="from"/>/<paramref name="to"/> pick the two versions to compare.</summary>
    public string DraftPage(int year, string department, string section, int? version = null, int? from = null, int? to = null) =>
        Path("draft", ("year", year.ToString()), ("department", department), ("section", section),
            ("version", version?.ToString()), ("from", from?.ToString()), ("to", to?.ToString()));

    /// <summary>批量审核: several drafts of one report approved with one comment.</summary>
    public string Approvals(int year, string department) => Path($"reports/{year}/{department}/approvals");

    /// <summary>审核: approve or reject one version.</summary>
    /// <param name="decided">The draft just decided (<c>section.version</c>), which the page names at its top.</param>
    public string ReviewPage(int year, string department, string section, int version, string? decided = null) =>
        Path("review", ("year", year.ToString()), ("department", department), ("section", section), ("version", version.ToString()), ("decided", decided));

    /// <summary>本部门报告.</summary>
    public string DepartmentPage(int? year = null, string? department = null) => Path("department", ("year", year?.ToString()), ("department", department));

    /// <summary>全区总览.</summary>
    public string OverviewPage(int? year = null) => Path("overview", ("year", year?.ToString()));

    /// <summary>催报 list as CSV.</summary>
    public string ChaseCsv(int year) => Path("overview/missing.csv", ("year", year.ToString()));

    /// <summary>成员管理.</summary>
    public string MembersPage() => Path("admin/members");

    public string SignIn(string? returnUrl = null) => Path("dev/sign-in", ("returnUrl", returnUrl));

    /// <summary>The local host's sign-out: forgets the development sign-in and shows the sign-in page.</summary>
    public string SignOut() => Path("dev/sign-out");

    /// <summary>核验 PDF: open to anyone.</summary>
    public string Verify() => Path("verify");

    /// <summary>成员管理 with its own parameters (the year it was reached from, the list's filter, the step shown).</summary>
    public string MembersPage(params (string Name, string? Value)[] query) => Path("admin/members", query);

    /// <summary>成员管理 after a change (<paramref name="done"/>: saved or removed) to <paramref name="userId"/>; <c>edit</c> prefills the form.</summary>
    public string MembersPage(string done, string userId) => Path("admin/members", (done, userId));

    /// <summary>全区总览 after a 催报 by hand (<paramref name="outcome"/>: queued, already or finished) to <paramref name="department"/>.</summary>
    public string OverviewPage(int year, string outcome, string department) => Path("overview", ("year", year.ToString()), ("chased", department),
        ("outcome", outcome));

    /// <summary>全区总览 after 全部催报: how many departments it chased and how many it skipped (chased earlier today).</summary>
    public string OverviewAfterChaseAll(int year, int chased, int skipped) => Path("overview", ("year", year.ToString()),
        ("chasedAll", chased.ToString()), ("skipped", skipped.ToString()));

    /// <summary>全部催报: the district office chases every department not finished.</summary>
    public string ChaseAll(int year) => Path($"reports/{year}/chase");

    /// <summary>发布 (one report, or the whole year when <paramref name="department"/> is null) or, with <paramref name="withdraw"/>, 撤回: the confirmation
    /// form.</summary>
    public string PublicationPage(int year, string? department = null, bool withdraw = false) =>
        Path("publish", ("year", year.ToString()), ("department", department), ("action", withdraw ? "withdraw" : null));

    /// <summary>全区总览 after 发布/撤回 (<paramref name="done"/>: published, withdrawn, year), saying what was done.</summary>
    public string OverviewAfterPublication(int year, string done, string? department = null) =>
        Path("overview", ("year", year.ToString()), ("publication", done), ("department", department));

    // ---- JSON API ----
    public string Drafts() => Path("drafts");

    public string Draft(int year, string department, string section, int version) => Path($"reports/{year}/{department}/sections/{section}/drafts/{version}");

    /// <summary>An editable copy (.docx) of one draft version.</summary>
    public string DraftDocx(int year, string department, string section, int version) => Draft(year, department, section, version) + "/docx";

    public string Approval(int year, string department, string section, int version) => Draft(year, department, section, version) + "/approval";

    /// <summary>撤回 of one draft version by its author.</summary>
    public string DraftWithdrawal(int year, string department, string section, int version) => Draft(year, department, section, version) + "/withdrawal";

    public string Report(int year, string department) => Path($"reports/{year}/{department}");

    /// <summary>The download endpoint: checks the reader, then 302 to a short-lived link.</summary>
    public string ReportPdf(int year, string department, int? version = null) => Path($"reports/{year}/{department}/pdf", ("version", version?.ToString()));

    /// <summary>The same, to the version's OFD twin.</summary>
    public string ReportOfd(int year, string department, int? version = null) => Path($"reports/{year}/{department}/ofd", ("version", version?.ToString()));

    /// <summary>An editable copy (.docx) of an assembled version, the newest by default.</summary>
    public string ReportDocx(int year, string department, int? version = null) => Path($"reports/{year}/{department}/docx", ("version", version?.ToString()));

    public string Year(int year) => Path($"reports/{year}");

    public string YearEnd(int year) => Path($"reports/{year}/year-end");

    /// <summary>One queued 立即汇编: JSON for the API, a page that follows it for a browser.</summary>
    /// <param name="autoRefresh">False: the page without its following script (the reader stopped it).</param>
    public string YearEndRun(int year, string id, bool autoRefresh = true) =>
        Path($"reports/{year}/year-end/{id}", ("refresh", autoRefresh ? null : "off"));

    /// <summary>催报 by hand: the district office reminds one department now.</summary>
    public string Chase(int year, string department) => Path($"reports/{year}/{department}/chase");

    public string VolumePdf(int year, int? version = null) => Path($"reports/{year}/volume/pdf", ("version", version?.ToString()));

    public string VolumeOfd(int year, int? version = null) => Path($"reports/{year}/volume/ofd", ("version", version?.ToString()));

    public string Members(string? userId = null) => userId is null ? Path("members") : Path("members/" + Uri.EscapeDataString(userId));

    public string OpenApi() => Path("openapi.json");

    public string Publication(int year, string department) => Path($"reports/{year}/{department}/publication");

    public string Withdrawal(int year, string department) => Publication(year, department) + "/withdrawal";

    public string YearPublication(int year) => Path($"reports/{year}/publication");

    /// <summary>印章管理; after an upload, <paramref name="done"/> (uploaded, unchanged) names the organisation it was for.</summary>
    public string SealsPage(string? done = null, string? organisation = null) => Path("admin/seals", (done ?? "", organisation));

    /// <summary>Where 印章管理's upload form for one organisation posts (the page's own route).</summary>
    public string SealsPageUpload(string organisation) => Path("admin/seals", ("organisation", organisation));

    /// <summary>An organisation's seal image (the newest, or one <paramref name="version"/>); JSON when asked for.</summary>
    public string Seal(string organisation, int? version = null) => Path("seals/" + Uri.EscapeDataString(organisation), ("version", version?.ToString()));

    public string Seals() => Path("seals");

    private string Path(string relative, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value!)).ToList();
        return Prefix + "/" + relative + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }
}
