using System.Diagnostics;
using System.Globalization;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.Templates;
using Reporting.Typesetting;

namespace Reporting.Cli;

/// <summary>
/// `reporting bench volume [--departments N]`: the compiled volume of N fixture-sized reports typeset into a
/// file, timed, with the process's peak working set. Without --departments it runs 40, 200 and 1,000, each in a
/// fresh process, so the figures show whether memory stays flat as the volume grows (it is streamed).
/// With --ofd the same volume is written as OFD too, from the same layout pass (its size and bytes per page get columns).
/// </summary>
public static class VolumeBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var withOfd = args.Contains("--ofd");
        if (BenchArguments.Text(args, "--departments") is not { } n)
        {
            Console.WriteLine(withOfd
                ? "| departments | volume pages | PDF (MB) | PDF (B/page) | OFD (MB) | OFD (B/page) | render both (s) | peak working set (MB) |\n"
                    + "|---:|---:|---:|---:|---:|---:|---:|---:|"
                : "| departments | volume pages | file (MB) | PDF (B/page) | render (s) | peak working set (MB) |\n|---:|---:|---:|---:|---:|---:|");
            var fixtureFile = BenchArguments.Text(args, "--fixture") ?? BenchArguments.FindFixture() ?? "";
            await BenchArguments.RowsInFreshProcessesAsync(new[] { 40, 200, 1000 }.Select(count =>
                new[] { "bench", "volume", "--departments", count.ToString(CultureInfo.InvariantCulture), "--fixture", fixtureFile }
                    .Concat(withOfd ? ["--ofd"] : Array.Empty<string>()).ToArray()));
            return 0;
        }
        if (!int.TryParse(n, out var departments) || departments is < 1 or > 5000) { Console.Error.WriteLine("--departments 须为 1 至 5000。"); return 2; }
        var fixture = BenchArguments.Text(args, "--fixture") is { Length: > 0 } f ? f : BenchArguments.FindFixture();
        if (fixture is null) { Console.Error.WriteLine("找不到报告样本（kgj-2023.txt），请用 --fixture 指定。"); return 2; }

        var words = new DocumentWords();
        var parts = PlainTextReport.Parse(await File.ReadAllTextAsync(fixture), words).Parts;
        var office = new DistrictOffice("魏都区法治政府建设领导小组办公室", "区法治政府建设领导小组办公室", "fzb@weidu.example.gov.cn");
        var created = new DateTimeOffset(2024, 1, 8, 9, 0, 0, TimeSpan.FromHours(8));
        var reports = Enumerable.Range(1, departments).Select(i =>
        {
            var department = new Department($"d{i:D4}", $"魏都区第{i}局");
            return new VolumeEntry(department.Code, department.Name, ReportDocumentBuilder.Build(words, department, 2023, office, parts,
                new DateOnly(2024, 1, 5), created));
        }).ToList();
        var missing = new MissingReport("czj", "魏都区财政局", [.. ReportTemplate.RequiredSections.Select(s => new PartState(s, PartStatus.NotSubmitted))]);
        const string title = "魏都区2023年度法治政府建设情况报告汇编";
        var volume = new VolumeDocument("魏都区", 2023, title, reports, [missing], new DocumentInfo(title, office.Name, "2023年度法治政府建设情况报告汇编", created));

        var typesetter = GbtTypesetter.CreateDefault();
        var path = Path.Combine(Path.GetTempPath(), $"reporting-volume-bench-{departments}.pdf");
        var ofdPath = Path.ChangeExtension(path, ".ofd");
        var watch = Stopwatch.StartNew();
        int pages;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
        await using (var ofd = withOfd ? new FileStream(ofdPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920) : null)
            pages = typesetter.RenderVolume(volume, file, ofd);
        var seconds = watch.Elapsed.TotalSeconds;
        var size = new FileInfo(path).Length;
        var ofdSize = withOfd ? $" {Size(new FileInfo(ofdPath).Length, pages)} |" : "";
        File.Delete(path);
        File.Delete(ofdPath);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"| {departments} | {pages} | {Size(size, pages)} |{ofdSize} {seconds:F1} | {process.PeakWorkingSet64 >> 20} |");
        return 0;
    }

    /// <summary>A file's size in MB and per page, as two cells.</summary>
    private static string Size(long bytes, int pages) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} | {bytes / Math.Max(1, pages):N0}");
}
