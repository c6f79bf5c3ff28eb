using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.Core.Documents;
using Reporting.Core.Drafts;
using Reporting.Core.Reports;
using Reporting.Core.Templates;
using Reporting.Core.YearEnd;
using Reporting.Development.Emulator;
using Reporting.Functions;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench year-end [--departments N]`: a year of N departments with fixture-sized reports, every
/// part approved but no PDF made yet, then one timed year-end run (N report PDFs + the compiled volume) on
/// in-memory Azurite. Without --departments it runs 40 and 200, each in a fresh process so peak memory is its own.
/// </summary>
public static class YearEndBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (BenchArguments.Text(args, "--departments") is not { } n)
        {
            Console.WriteLine("| departments | reports assembled | volume pages | wall time (s) | peak working set (MB) | managed heap peak (MB) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            await BenchArguments.RowsInFreshProcessesAsync(new[] { 40, 200 }.Select(count =>
                new[] { "bench", "year-end", "--departments", count.ToString(), "--row" }));
            return 0;
        }
        if (!int.TryParse(n, out var departments) || departments is < 1 or > 1000) { Console.Error.WriteLine("--departments 须为 1 至 1000。"); return 2; }
        var fixture = BenchArguments.Text(args, "--fixture") ?? BenchArguments.FindFixture();
        if (fixture is null) { Console.Error.WriteLine("找不到报告样本（kgj-2023.txt），请用 --fixture 指定。"); return 2; }

        var work = Directory.CreateTempSubdirectory("reporting-yearend-bench-");
        var directoryFile = Path.Combine(work.FullName, "departments.json");
        await File.WriteAllTextAsync(directoryFile, JsonSerializer.Serialize(new
        {
            district = "魏都区",
            office = new { name = "魏都区法治政府建设领导小组办公室", salutation = "区法治政府建设领导小组办公室", email = "fzb@weidu.example.gov.cn" },
            departments = Enumerable.Range(1, departments).Select(i => new { code = $"d{i:D3}", name = $"魏都区第{i}局" }),
        }));
        await using var azurite = await AzuriteProcess.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Reporting:DirectoryFile"] = directoryFile,
            ["Mail:DropFolder"] = Path.Combine(work.FullName, "mail"),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddReporting(configuration, developmentSignIn: true).BuildServiceProvider();
        await services.GetRequiredService<StorageClients>().EnsureCreatedAsync();

        // Arrange: every department complete, approvals recorded, no PDF yet (the queue has no listener here).
        const int year = 2021;
        var parts = PlainTextReport.Parse(await File.ReadAllTextAsync(fixture), services.GetRequiredService<ITemplateWording>()).Parts;
        var submission = services.GetRequiredService<DraftSubmission>();
        var review = services.GetRequiredService<DraftReview>();
        await Parallel.ForEachAsync(Enumerable.Range(1, departments), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            // The development users of the bench's directory: an author writes, another person approves (four-eyes).
            var author = new Caller($"d{i:D3}-author", "基准起草人");
            var approver = new Caller($"d{i:D3}-approver", "基准审核人");
            foreach (var section in ReportTemplate.RequiredSections)
            {
                var draft = await submission.SubmitAsync(new SubmitDraftCommand(new ReportKey(year, $"d{i:D3}"), section, parts[section.Key]), author, ct);
                var decision = new ReviewDraftCommand(new ReportKey(year, $"d{i:D3}"), section, draft.Version, DraftDecision.Approve, null);
                await review.DecideAsync(decision, approver, ct);
            }
        });

        GC.Collect();
        var peakHeap = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var run = services.GetRequiredService<YearEndRun>();
        var watch = Stopwatch.StartNew();
        var result = await run.RunAsync(year, Caller.System);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"year-end {departments} departments: {result.Outcome}, {result.AssembledNow.Count} assembled, volume v{result.VolumeVersion} "
            + $"{result.PageCount} pages, {watch.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"| {departments} | {result.AssembledNow.Count} | {result.PageCount} | {watch.Elapsed.TotalSeconds:F2} | "
            + $"{process.PeakWorkingSet64 / 1048576.0:F0} | {peakHeap / 1048576.0:F0} |");
        work.Delete(recursive: true);
        return 0;
    }
}
