using System.Diagnostics;
using Reporting.Core.Documents;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Reporting.Typesetting.Tests;

/// <summary>Runs alone, so that time and memory are the volume's own.</summary>
[CollectionDefinition(nameof(VolumeScaleTests), DisableParallelization = true)]
public sealed class VolumeScaleCollection;

/// <summary>A year-end volume of many departments: rendered straight into a file, in bounded time and memory.</summary>
[Collection(nameof(VolumeScaleTests))]
public class VolumeScaleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(40)]
    [InlineData(200)]
    public void A_large_volume_renders_into_a_file_in_bounded_memory(int departments)
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.SharedFixtures, "kgj-2023.txt"));
        var template = Fixtures.FromText(text);
        var reports = Enumerable.Range(1, departments).Select(i =>
        {
            var name = $"魏都区第{i}局";
            var title = $"{name}2023年法治政府建设情况的报告";
            return new VolumeEntry($"d{i}", name, template with { Title = title, Signature = name, Info = template.Info with { Title = title, Author = name } });
        }).ToList();
        var volume = new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编", reports,
            [VolumeCompilationFixture.Missing("czj", "魏都区财政局", ("measures", PartState.NotSubmitted))],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "汇编", new DateTimeOffset(2024, 3, 31, 18, 0, 0, TimeSpan.FromHours(8))));
        var path = $"/tmp/typeset/volume-{departments}.pdf";
        Fixtures.Typesetter.Value.Render(template); // fonts warm, as in a running worker

        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var workingSet = Environment.WorkingSet;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        int pages;
        using (var file = File.Create(path)) pages = Fixtures.Typesetter.Value.RenderVolume(volume, file);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{departments} reports: {pages} pages, {new FileInfo(path).Length / 1024} KiB, {watch.ElapsedMilliseconds} ms, " +
            $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) >> 20} MiB, heap before {before >> 20} MiB, working set before {workingSet >> 20} MiB, peak working set {process.PeakWorkingSet64 >> 20} MiB");

        using var document = PdfDocument.Open(path);
        Assert.Equal(pages, document.NumberOfPages);
        Assert.True(process.PeakWorkingSet64 < 500L << 20, $"peak working set {process.PeakWorkingSet64 >> 20} MiB");
    }
}
