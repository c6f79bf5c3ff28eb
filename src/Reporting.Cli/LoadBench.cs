using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;
using Reporting.Typesetting;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench load [--clients N] [--submissions M] [--reports R] [--parts P]`: N clients submit M drafts at once
/// to the local host (in-memory Azurite) spread over R reports × P parts (1 × 1 puts every submission on one part),
/// then every acknowledged draft is read back: lost (acknowledged, not stored or not as sent) must be 0, and the
/// versions of each part must be exactly 1…n with nothing stored that was not acknowledged.
/// </summary>
public static class LoadBench
{
    /// <summary>The template's words the app reads a part's own heading by, to normalise a body as the app stores it.</summary>
    private static readonly DocumentWords Words = new();

    private sealed record Sent(string Department, string Section, string Body, HttpStatusCode Status, int? Version, double Milliseconds, string? RetryAfter);

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Math.Clamp(BenchArguments.Int(args, "--clients", 50), 1, 500);
        var submissions = Math.Clamp(BenchArguments.Int(args, "--submissions", 1000), 1, 20_000);
        if (BenchArguments.Fixture(args) is not ({ } fixture, { } parts)) return 2;
        var sections = ReportTemplate.RequiredSections.Select(s => s.Key).Take(Math.Clamp(BenchArguments.Int(args, "--parts", 5), 1, 5)).ToList();

        await using var bench = await BenchHost.StartAsync();
        var departments = bench.Departments.Take(Math.Clamp(BenchArguments.Int(args, "--reports", 10), 1, bench.Departments.Count)).ToList();
        const int year = 2020;
        Console.WriteLine($"load bench: {clients} clients, {submissions} submissions over {departments.Count} reports × {sections.Count} parts, " +
                          $"bodies from {Path.GetFileName(fixture)} ({parts.Values.Average(p => p.Length):F0} characters on average), local host "
                              + $"{bench.Host.BaseAddress}, Azurite in memory");

        // Warm-up (JIT, connections, tables), not counted and on a year of its own.
        foreach (var section in sections) await SubmitAsync(bench.Http, year - 1, departments[0], section, parts[section]);

        var sent = new ConcurrentBag<Sent>();
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < submissions; i = Interlocked.Increment(ref next))
            {
                var department = departments[i % departments.Count];
                var section = sections[i / departments.Count % sections.Count];
                // The marker makes every body unique: the read-back tells each acknowledged submission by its text.
                var body = parts[section] + $"\n（客户端 {client} 第 {i} 次提交）";
                sent.Add(await SubmitAsync(bench.Http, year, department, section, body));
            }
        })));
        wall.Stop();

        var (lost, unacknowledged, gaps) = await ReadBackAsync(bench.Http, year, sent.ToList());
        var latencies = sent.Select(s => s.Milliseconds).ToList();
        var byStatus = sent.GroupBy(s => (int)s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        Console.WriteLine();
        Console.WriteLine("| clients | submissions | reports × parts | answers | throughput (/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | lost | "
            + "stored unacknowledged | parts with gaps |");
        Console.WriteLine("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {clients} | {submissions} | {departments.Count} × {sections.Count} | {string.Join(" ", byStatus)} | "
            + $"{submissions / wall.Elapsed.TotalSeconds:F0} | " +
                          $"{FlowBench.Percentile(latencies, 50):F0} | {FlowBench.Percentile(latencies, 95):F0} | "
                              + $"{FlowBench.Percentile(latencies, 99):F0} | {latencies.Max():F0} | {lost} | {unacknowledged} | {gaps} |");
        var refused = sent.Where(s => s.Status != HttpStatusCode.Created).ToList();
        var unavailable = refused.Count(s => s.Status == HttpStatusCode.ServiceUnavailable);
        if (refused.Count > 0)
            Console.WriteLine($"refused: {refused.Count}, {unavailable} of them 503 (Retry-After "
                + $"{string.Join(",", refused.Select(r => r.RetryAfter ?? "none").Distinct())})");
        // A 503 after a storage timeout says the submission may not have completed: its insert can land later, so it
        // may be stored without an acknowledgement. Anything else stored unacknowledged is a fault.
        var ok = lost == 0 && gaps == 0 && unacknowledged <= unavailable;
        Console.WriteLine(ok ? "every acknowledged draft read back as sent; versions 1…n per part"
            : "FAILED: drafts lost, versions with gaps, or more stored unacknowledged than 503s");
        return ok ? 0 : 1;
    }

    /// <summary>One submission as the department's author: since sign-in came, the author is whoever is signed in.</summary>
    private static async Task<Sent> SubmitAsync(HttpClient http, int year, string department, string section, string body)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(FlowBench.As($"{department}-author", new HttpRequestMessage(HttpMethod.Post, "api/drafts")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["year"] = year.ToString(), ["department"] = department, ["section"] = section, ["body"] = body,
            }),
        }));
        var text = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        int? version = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("version").GetInt32() : null;
        return new Sent(department, section, body, response.StatusCode, version, ms, response.Headers.RetryAfter?.ToString());
    }

    /// <summary>
    /// Reads every part of every report back, signed in as the district office (which may read every department), and
    /// compares it with what was acknowledged: each acknowledged version must hold exactly the text sent.
    /// </summary>
    private static async Task<(int Lost, int Unacknowledged, int Gaps)> ReadBackAsync(HttpClient http, int year, IReadOnlyList<Sent> sent)
    {
        int lost = 0, unacknowledged = 0, gaps = 0;
        foreach (var report in sent.GroupBy(s => s.Department))
        {
            using var read = await http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Get, $"api/reports/{year}/{report.Key}")));
            var view = await read.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            foreach (var part in report.GroupBy(s => s.Section))
            {
                var stored = view.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == part.Key)
                    .GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("version").GetInt32()).ToHashSet();
                var acknowledged = part.Where(s => s.Version is not null).ToList();
                if (!stored.Order().SequenceEqual(Enumerable.Range(1, stored.Count))) gaps++;
                unacknowledged += stored.Count(v => acknowledged.All(a => a.Version != v));
                foreach (var draft in acknowledged)
                {
                    using var response = await http.SendAsync(FlowBench.As("office",
                        new HttpRequestMessage(HttpMethod.Get, $"api/reports/{year}/{report.Key}/sections/{part.Key}/drafts/{draft.Version}")));
                    if (!response.IsSuccessStatusCode) { lost++; continue; }
                    var body = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body").GetString();
                    // Stored as the app normalises it (line ends, a leading heading line), exactly.
                    if (body != DraftBody.Normalize(draft.Body, ReportTemplate.Find(part.Key)!, Words) || !stored.Contains(draft.Version!.Value)) lost++;
                }
            }
        }
        return (lost, unacknowledged, gaps);
    }
}
