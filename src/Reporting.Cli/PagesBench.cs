using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Templates;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench pages [--loads 30] [--versions 3]`: the local host (in-memory Azurite) with a full year: every department's
/// every part in three versions, the newest approved, every report's PDF made, the year's volume compiled and every report
/// published; then each page people open every day is loaded one after another, as its user, and timed (server time over
/// loopback: no other load). Budget: 我的待办 and 全区总览 at most 100 ms median.
/// </summary>
internal static class PagesBench
{
    private const int Year = 2022;
    private const double BudgetMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var loads = Math.Clamp(BenchArguments.Int(args, "--loads", 30), 5, 1000);
        var versions = Math.Clamp(BenchArguments.Int(args, "--versions", 3), 1, 20);
        if (BenchArguments.Fixture(args) is not ({ } fixture, { } parts)) return 2;
        await using var bench = await BenchHost.StartAsync();
        var departments = bench.Departments;
        var seeding = Stopwatch.StartNew();
        // Every part in several versions, the newest of each approved: the last approval makes the report's PDF.
        await BenchSeeding.SubmitAsync(bench.Http, departments, parts, Year, versions, approve: _ => true);
        await WaitAsync(bench.Http, "every report's PDF", async () =>
        {
            var year = await bench.Http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Get, $"api/reports/{Year}")));
            var view = await year.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            // Made and nothing more to make: the last approval (the optional part's) may make a second version after the first.
            return view.GetProperty("departments").EnumerateArray().All(d => d.GetProperty("status").GetString() == "assembled");
        });
        await CompileAndPublishAsync(bench.Http);
        Console.WriteLine($"pages bench: {departments.Count} departments × {ReportTemplate.Sections.Count} parts × {versions} versions, every report " +
                          $"approved, made, compiled into the volume and published, in {seeding.Elapsed.TotalSeconds:F0} s; {loads} loads per page, one " +
                          "at a time; local host, Azurite in memory");
        Console.WriteLine();
        Console.WriteLine("| page | as | p50 (ms) | p95 (ms) | max (ms) | KB |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var over = new List<string>();
        var failed = false;
        foreach (var (name, user, path, budgeted) in Pages())
        {
            for (var i = 0; i < 3; i++) await LoadAsync(bench.Http, user, path); // warm-up (JIT, connections, caches), not counted
            var answers = new List<(int Status, double Milliseconds, long Bytes)>();
            for (var i = 0; i < loads; i++) answers.Add(await LoadAsync(bench.Http, user, path));
            var times = answers.Select(a => a.Milliseconds).ToList();
            var median = FlowBench.Percentile(times, 50);
            Console.WriteLine($"| {name} | {user} | {median:F0} | {FlowBench.Percentile(times, 95):F0} | {times.Max():F0} | " +
                              $"{answers.Average(a => a.Bytes) / 1024:F0} |");
            failed |= answers.Any(a => a.Status >= 400);
            if (budgeted && median > BudgetMs) over.Add(name);
        }
        Console.WriteLine();
        Console.WriteLine(over.Count == 0 ? $"budget met: 我的待办 and 全区总览 at most {BudgetMs:F0} ms median"
            : $"OVER BUDGET ({BudgetMs:F0} ms median): {string.Join("、", over)}");
        if (failed) Console.WriteLine("FAILED: some loads were not answered with 2xx/3xx");
        return failed ? 1 : 0;
    }

    private static IEnumerable<(string Name, string User, string Path, bool Budgeted)> Pages() =>
    [
        ("我的待办", "kgj-author", $"api/todo?year={Year}", true),
        ("我的待办", "kgj-approver", $"api/todo?year={Year}", true),
        ("我的待办", "office", $"api/todo?year={Year}", true),
        ("全区总览", "office", $"api/overview?year={Year}", true),
        ("本部门报告", "kgj-author", $"api/department?year={Year}", false),
        ("草稿", "kgj-author", $"api/draft?year={Year}&department=kgj&section=duty", false),
        ("审核", "kgj-approver", $"api/review?year={Year}&department=kgj&section=duty&version=3", false),
        ("提交/修改草稿", "kgj-author", $"api/form?year={Year}&department=kgj&section=duty", false),
        ("成员管理", "office-admin", $"api/admin/members?year={Year}", false),
        ("待办数（导航）", "kgj-approver", $"api/todo/count?year={Year}", false),
    ];

    /// <summary>The year's volume (waiting for it when the compilation is queued) and every report published.</summary>
    private static async Task CompileAndPublishAsync(HttpClient http)
    {
        using (var compile = await http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Post, $"api/reports/{Year}/year-end"))))
            if ((int)compile.StatusCode >= 400) throw new InvalidOperationException($"year-end: {(int)compile.StatusCode}");
        await WaitAsync(http, "the volume", async () =>
        {
            var year = await http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Get, $"api/reports/{Year}")));
            var view = await year.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            return view.TryGetProperty("volume", out var volume) && volume.ValueKind == JsonValueKind.Object;
        });
        // Each report's newest PDF is the version the confidentiality review covered.
        using var read = await http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Get, $"api/reports/{Year}")));
        var reports = (await read.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("departments").EnumerateArray();
        var versions = string.Join(",", reports.Select(d => $"{d.GetProperty("department").GetString()}={d.GetProperty("newestPdfVersion").GetInt32()}"));
        await PostAsync(http, "office", $"api/reports/{Year}/publication",
            new() { ["versions"] = versions, ["confidentialityReviewed"] = "true", ["comment"] = "经保密审查，同意公开。" });
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string user, string path, Dictionary<string, string> fields)
    {
        using var request = FlowBench.As(user, new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asks once a second, at most five minutes: seeding is over when the host has done its queued work.</summary>
    private static async Task WaitAsync(HttpClient http, string what, Func<Task<bool>> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await done()) return;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException($"pages bench: {what} not ready after 5 minutes");
    }

    private static async Task<(int Status, double Milliseconds, long Bytes)> LoadAsync(HttpClient http, string user, string path)
    {
        var clock = Stopwatch.StartNew();
        using var request = FlowBench.As(user, new HttpRequestMessage(HttpMethod.Get, path));
        request.Headers.Accept.ParseAdd(path.Contains("/count", StringComparison.Ordinal) ? "application/json" : "text/html");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, clock.Elapsed.TotalMilliseconds, body.Length);
    }
}
