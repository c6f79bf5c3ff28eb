using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Core.Documents;
using Reporting.Core.Templates;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench overview [--clients 50] [--rounds 3] [--versions 2]`: the local host (in-memory Azurite) with every
/// department's every part submitted in several versions and two parts approved, then N clients signed in as the district
/// office load 全区总览 (and then the year's JSON) at once, several rounds each: latency percentiles, the answers by status,
/// and this process's CPU time and allocation per load.
/// </summary>
internal static class OverviewBench
{
    private const int Year = 2021;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Math.Clamp(BenchArguments.Int(args, "--clients", 50), 1, 500);
        var rounds = Math.Clamp(BenchArguments.Int(args, "--rounds", 3), 1, 100);
        var versions = Math.Clamp(BenchArguments.Int(args, "--versions", 2), 1, 20);
        if (BenchArguments.Fixture(args) is not ({ } fixture, { } parts)) return 2;
        await using var bench = await BenchHost.StartAsync();
        var departments = bench.Departments;
        var seeding = Stopwatch.StartNew();
        // Every part of every department in several versions, the newest of the first two parts approved.
        await BenchSeeding.SubmitAsync(bench.Http, departments, parts, Year, versions, approve: section => section.Order <= 1);
        Console.WriteLine($"overview bench: {departments.Count} departments × {ReportTemplate.Sections.Count} parts × {versions} versions seeded in " +
                          $"{seeding.Elapsed.TotalSeconds:F0} s; {clients} clients × {rounds} rounds as office; local host {bench.Host.BaseAddress}, "
                              + $"Azurite in memory");

        Console.WriteLine();
        // CPU and allocation of this process (the host and the clients; Azurite is a process of its own) per load: what a
        // page costs whatever else the shared machine is doing, which the wall-clock percentiles cannot say.
        Console.WriteLine("| read | clients | loads | answers | p50 (ms) | p95 (ms) | max (ms) | CPU per load (ms) | allocated per load (MB) |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|");
        var failed = false;
        foreach (var (name, path) in new[] { ("GET 全区总览 /api/overview", $"api/overview?year={Year}"),
            ("GET year JSON /api/reports/{year}", $"api/reports/{Year}") })
        {
            await LoadAsync(bench.Http, path);  // warm-up (JIT, connections), not counted
            var answers = new ConcurrentBag<(int Status, double Milliseconds)>();
            using var self = Process.GetCurrentProcess();
            var (cpu, allocated) = (self.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                for (var round = 0; round < rounds; round++) answers.Add(await LoadAsync(bench.Http, path));
            })));
            self.Refresh();
            var cpuPerLoad = (self.TotalProcessorTime - cpu).TotalMilliseconds / answers.Count;
            var allocatedPerLoad = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0 / answers.Count;
            var times = answers.Select(a => a.Milliseconds).ToList();
            var byStatus = answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
            Console.WriteLine($"| {name} | {clients} | {answers.Count} | {string.Join(" ", byStatus)} | {FlowBench.Percentile(times, 50):F0} | " +
                              $"{FlowBench.Percentile(times, 95):F0} | {times.Max():F0} | {cpuPerLoad:F0} | {allocatedPerLoad:F1} |");
            failed |= answers.Any(a => a.Status >= 500);
        }
        Console.WriteLine(failed ? "FAILED: some loads were answered with 5xx" : "every load answered without 5xx");
        return failed ? 1 : 0;
    }

    private static async Task<(int Status, double Milliseconds)> LoadAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(FlowBench.As("office", new HttpRequestMessage(HttpMethod.Get, path)));
        await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, clock.Elapsed.TotalMilliseconds);
    }
}
