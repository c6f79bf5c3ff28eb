using System.Diagnostics;
using System.Net;
using System.Text;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Input built to hurt: zip bombs, bodies of hundreds of thousands of parts, truncated and malformed bodies, lone
/// surrogates, text that hides or reorders itself, unknown routes and methods. Each is refused quickly with a zh-CN
/// problem+json, stores nothing, and the whole suite leaves the host's memory within 100 MB of its idle figure.
/// All aim at 2013, a year no other test uses, so "nothing stored" can be checked while other work runs.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class HostileInputTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const string Scope = "2013";
    private const long MemoryBudgetBytes = 100L * 1024 * 1024;
    private const long RetainedBudgetBytes = 20L * 1024 * 1024;

    private sealed record HostileCase(HttpStatusCode Expected, Func<LocalHostFixture, Task<HttpResponseMessage>> Send, params string[] Mentions)
    {
        /// <summary>How soon the refusal must come.</summary>
        public TimeSpan Within { get; init; } = TimeSpan.FromSeconds(1);
    }

    /// <summary>An undeclared body is only known to be too large once 16 MB have come in; that upload takes its time on a busy machine.</summary>
    private static readonly TimeSpan UploadOf16MB = TimeSpan.FromSeconds(5);

    private static readonly int[] BidiControls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069];

    private static readonly Dictionary<string, HostileCase> Cases = Build();

    private static Dictionary<string, HostileCase> Build()
    {
        var cases = new Dictionary<string, HostileCase>
        {
            ["zip-bomb .docx: 1 GB document.xml in a few MB"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => a.Http.PostAsync("api/drafts", HostileBodies.DraftWithFile(HostileBodies.GigabyteBomb, "报告.docx")), "解压"),
            ["zip-bomb .docx declaring a 10 kB document.xml"] = new(HttpStatusCode.BadRequest,
                a => a.Http.PostAsync("api/drafts", HostileBodies.DraftWithFile(HostileBodies.LyingBomb(), "报告.docx")), ".docx"),
            ["multipart of 300,000 parts (22 MB, Content-Length)"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(300_000, 1, declareLength: true)), "16 MB"),
            ["multipart of 300,000 parts (22 MB, chunked)"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(300_000, 1, declareLength: false)), "20 个"),
            ["multipart of 21 small parts"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(21, 10, declareLength: true)), "20 个"),
            ["multipart of 20 file parts of 1 MB (chunked: only reading 16 MB tells)"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(20, 1_000_000, declareLength: false, files: true)), "16 MB")
            { Within = UploadOf16MB },
            ["one 17 MB text field (chunked)"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(1, 17 * 1024 * 1024, declareLength: false)), "1 MB"),
            ["one 17 MB file (Content-Length)"] = new(HttpStatusCode.RequestEntityTooLarge,
                a => RawHttp.PostAsync(a.Http, "api/drafts", HostileBodies.ManyParts(1, 17 * 1024 * 1024, declareLength: true, files: true)), "16 MB"),
            ["JSON with a lone surrogate \\ud800"] = new(HttpStatusCode.BadRequest,
                a => a.Http.PostAsync("api/drafts", new StringContent(
                    """{"year":"2013","department":"kgj","section":"duty","author":"王五","body":"x\ud800"}""", Encoding.UTF8, "application/json")), "代理项"),
            ["multipart cut off before its closing boundary"] = new(HttpStatusCode.BadRequest,
                a => a.Http.PostAsync("api/drafts", HostileBodies.RawMultipart(
                    HostileBodies.DraftFields + $"--{HostileBodies.Boundary}\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n法治政府建设")), "multipart"),
            ["multipart with a part header that is not a header"] = new(HttpStatusCode.BadRequest,
                a => a.Http.PostAsync("api/drafts", HostileBodies.RawMultipart(
                    $"--{HostileBodies.Boundary}\r\nthis is no header\r\n\r\n正文\r\n--{HostileBodies.Boundary}--\r\n")), "multipart"),
            ["multipart without a single boundary"] = new(HttpStatusCode.BadRequest,
                a => a.Http.PostAsync("api/drafts", HostileBodies.RawMultipart("year=2013&department=kgj")), "multipart"),
            ["comment with NUL"] = new(HttpStatusCode.BadRequest, a => a.DecideAsync(2013, "kgj", "measures", 1, "reject", comment: "请补充\u0000数据"), "U+0000"),
            ["comment with a bidi isolate (U+2066)"] =
                new(HttpStatusCode.BadRequest, a => a.DecideAsync(2013, "kgj", "measures", 1, "reject", comment: "请\u2066补充"), "U+2066"),
            ["body with a right-to-left mark (U+200F)"] = Body('\u200F'),
            ["GET an unknown route"] = new(HttpStatusCode.NotFound, a => a.Http.GetAsync("api/nosuch/route")),
            ["GET outside the route prefix"] = new(HttpStatusCode.NotFound, a => a.Http.GetAsync("favicon.ico")),
            ["GET a POST-only route"] = new(HttpStatusCode.MethodNotAllowed, a => a.Http.GetAsync("api/drafts"), "POST"),
            ["POST a GET-only route"] = new(HttpStatusCode.MethodNotAllowed, a => a.Http.PostAsync($"api/reports/{Scope}", new StringContent("")), "GET"),
            ["DELETE a report"] = new(HttpStatusCode.MethodNotAllowed, a => a.Http.DeleteAsync($"api/reports/{Scope}/kgj"), "GET"),
            ["PUT an approval"] = new(HttpStatusCode.MethodNotAllowed,
                a => a.Http.PutAsync($"api/reports/{Scope}/kgj/sections/measures/drafts/1/approval",
                    new StringContent("decision=approve", Encoding.UTF8, "application/x-www-form-urlencoded")), "POST"),
        };
        foreach (var control in BidiControls) cases[$"body with bidi control U+{control:X4}"] = Body((char)control);
        return cases;
    }

    /// <summary>The control sits on line 2, after two characters (𠮷 counts once).</summary>
    private static HostileCase Body(char control) =>
        new(HttpStatusCode.BadRequest, a => a.SubmitAsync(Scope, "kgj", "duty", $"第一段。\n𠮷法{control}治建设"), $"U+{(int)control:X4}", "第 2 行第 3 个字符");

    public static TheoryData<string> Names => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_request_is_refused_quickly_with_a_zh_CN_problem_and_stores_nothing(string name)
    {
        await EnsureReviewTargetAsync();
        var (status, elapsed) = await RefuseAsync(name, Cases[name]);
        output.WriteLine($"{name}: {status} in {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task The_host_memory_stays_within_100_MB_of_its_idle_figure_through_the_whole_hostile_suite()
    {
        await EnsureReviewTargetAsync();
        await WaitForQueuesToEmptyAsync();
        _ = HostileBodies.GigabyteBomb; // generated before the idle figure, so the bomb's own bytes are not counted
        var (idleSet, idleHeap) = Measure(collect: true);
        long peakSet = idleSet, peakHeap = idleHeap;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (set, heap) = Measure(collect: false);
                peakSet = Math.Max(peakSet, set);
                peakHeap = Math.Max(peakHeap, heap);
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var lines = new List<string>();
        try
        {
            foreach (var (name, hostile) in Cases.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var before = peakSet;
                var (status, elapsed) = await RefuseAsync(name, hostile);
                lines.Add($"| {name} | {(int)status} | {elapsed.TotalMilliseconds:F0} ms | {(Math.Max(peakSet, before) - idleSet) / 1024 / 1024} MB |");
            }
        }
        finally
        {
            stop.Cancel();
            await sampler;
        }
        output.WriteLine($"idle: working set {idleSet / 1024 / 1024} MB, GC heap {idleHeap / 1024 / 1024} MB; peak: working set {peakSet / 1024 / 1024} "
            + $"MB, GC heap {peakHeap / 1024 / 1024} MB");
        foreach (var line in lines) output.WriteLine(line);
        var (_, afterHeap) = Measure(collect: true);
        output.WriteLine($"GC heap after the suite and a collection: {afterHeap / 1024 / 1024} MB");
        Assert.True(peakSet - idleSet < MemoryBudgetBytes, $"working set rose {(peakSet - idleSet) / 1024 / 1024} MB above idle ({idleSet / 1024 / 1024} MB)");
        // The uncollected heap peaks with garbage; what the suite may not do is keep memory once it is over.
        Assert.True(afterHeap - idleHeap < RetainedBudgetBytes,
            $"GC heap kept {(afterHeap - idleHeap) / 1024 / 1024} MB above idle ({idleHeap / 1024 / 1024} MB) after the suite");
    }

    private async Task<(HttpStatusCode, TimeSpan)> RefuseAsync(string name, HostileCase hostile)
    {
        var before = await app.SnapshotStorageAsync(Scope);
        var clock = Stopwatch.StartNew();
        using var response = await hostile.Send(app);
        var elapsed = clock.Elapsed;
        var problem = await BadInputTests.AssertProblemAsync(response, hostile.Expected, name);
        var text = problem.ToString();
        foreach (var mention in hostile.Mentions) Assert.True(text.Contains(mention, StringComparison.Ordinal),
            $"{name}: the answer should mention “{mention}”: {text}");
        if (hostile.Expected == HttpStatusCode.MethodNotAllowed) Assert.Contains(hostile.Mentions[0], response.Content.Headers.Allow);
        Assert.True(elapsed < hostile.Within, $"{name}: refused after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(before, await app.SnapshotStorageAsync(Scope));
        return (response.StatusCode, elapsed);
    }

    /// <summary>The reviewer and comment cases decide on a draft that exists: 2013 kgj measures, version 1.</summary>
    private async Task EnsureReviewTargetAsync()
    {
        var report = await app.GetReportAsync(2013, "kgj");
        var measures = report.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("section").GetString() == "measures");
        if (measures.GetProperty("drafts").GetArrayLength() == 0) Assert.Equal(1, await app.SubmitOkAsync(2013, "kgj", "measures", "我局持续推进法治政府建设。"));
    }

    private async Task WaitForQueuesToEmptyAsync()
    {
        foreach (var name in new[] { app.Storage.Options.AssemblyQueue, app.Storage.Options.NotificationQueue })
        {
            var queue = app.Storage.Queues.GetQueueClient(name);
            await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
                TimeSpan.FromSeconds(60), $"queue {name} did not empty before the memory measurement");
        }
    }

    private static (long WorkingSet, long Heap) Measure(bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(false));
    }
}
