using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Documents;
using Reporting.Core.Templates;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench flow [--reports N] [--fixture FILE]`: runs the local host on in-memory Azurite and, one
/// report at a time, submits and approves every required part, then measures from the moment the last
/// approval is sent until the PDF is stored (assembledAt) and the district office was notified (notifiedAt).
/// </summary>
public static class FlowBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var reports = BenchArguments.Int(args, "--reports", 20) is var parsed and > 0 and <= 200 ? parsed : 20;
        if (BenchArguments.Fixture(args) is not ({ } fixture, { } parts)) return 2;
        await using var bench = await BenchHost.StartAsync();
        var http = bench.Http;
        var host = bench.Host;
        var departments = bench.Departments;

        var stored = new List<double>();
        var notified = new List<double>();
        Console.WriteLine($"flow bench: {reports} reports, fixture {Path.GetFileName(fixture)}, local host {host.BaseAddress}, Azurite in memory, mail to "
            + $".eml");
        // Report 0 warms the process (JIT, fonts, connections) and is not counted: the figures are for a running app.
        for (var i = 0; i <= reports; i++)
        {
            var department = departments[i % departments.Count];
            var year = 2001 + i / departments.Count;
            var versions = new Dictionary<string, int>();
            foreach (var section in ReportTemplate.RequiredSections)
            {
                using var response = await http.SendAsync(As($"{department}-author", new HttpRequestMessage(HttpMethod.Post, "api/drafts")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["year"] = year.ToString(), ["department"] = department, ["section"] = section.Key, ["body"] = parts[section.Key],
                    }),
                }));
                response.EnsureSuccessStatusCode();
                versions[section.Key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
            }
            var sections = ReportTemplate.RequiredSections.ToList();
            foreach (var section in sections.SkipLast(1)) await ApproveAsync(http, year, department, section.Key, versions[section.Key]);

            var started = DateTimeOffset.UtcNow;
            await ApproveAsync(http, year, department, sections[^1].Key, versions[sections[^1].Key]);
            var (assembledAt, notifiedAt) = await WaitAsync(http, year, department);
            var storedMs = (assembledAt - started).TotalMilliseconds;
            var notifiedMs = (notifiedAt - started).TotalMilliseconds;
            Console.WriteLine($"  {(i == 0 ? "warm-up" : i.ToString()),7}. {year}/{department,-7} stored {storedMs,7:F0} ms   notified {notifiedMs,7:F0} ms");
            if (i == 0) continue;
            stored.Add(storedMs);
            notified.Add(notifiedMs);
        }
        Console.WriteLine();
        Console.WriteLine("| from last approval to | p50 (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| PDF stored | {Percentile(stored, 50):F0} | {Percentile(stored, 95):F0} | {stored.Max():F0} |");
        Console.WriteLine($"| notification sent | {Percentile(notified, 50):F0} | {Percentile(notified, 95):F0} | {notified.Max():F0} |");
        Console.WriteLine($"target: p95 notification < 1500 ms: {(Percentile(notified, 95) < 1500 ? "met" : "NOT met")}");
        return 0;
    }

    private static async Task ApproveAsync(HttpClient http, int year, string department, string section, int version)
    {
        using var response = await http.SendAsync(As($"{department}-approver",
            new HttpRequestMessage(HttpMethod.Post, $"api/reports/{year}/{department}/sections/{section}/drafts/{version}/approval")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }),
            }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The local host's development sign-in: the department's own author and approver, the district office to read.</summary>
    internal static HttpRequestMessage As(string userId, HttpRequestMessage request)
    {
        request.Headers.Add(Reporting.LocalHost.DevelopmentSignIn.HeaderName, userId);
        return request;
    }

    private static async Task<(DateTimeOffset Assembled, DateTimeOffset Notified)> WaitAsync(HttpClient http, int year, string department)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var read = await http.SendAsync(As("office", new HttpRequestMessage(HttpMethod.Get, $"api/reports/{year}/{department}")));
            var report = await read.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            var versions = report.GetProperty("versions");
            if (versions.GetArrayLength() > 0 && versions[0].GetProperty("notifiedAt") is { ValueKind: JsonValueKind.String } n)
                return (versions[0].GetProperty("assembledAt").GetDateTimeOffset(), n.GetDateTimeOffset());
            await Task.Delay(25);
        }
        throw new TimeoutException($"{year}/{department} was not notified within 60 s.");
    }

    internal static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
