using System.Diagnostics;
using Reporting.Core.Documents;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Reporting.Typesetting.Tests;

/// <summary>Runs alone, so that time and memory are the volume's own.</summary>
[CollectionDefinition(nameof(VolumeScaleTests), DisableParallelization = true)]
public sealed class VolumeScaleCollection;

/// <summary>A year-end volume of many departments: streamed into a file, in memory that does not grow with it.</summary>
[Collection(nameof(VolumeScaleTests))]
public class VolumeScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void A_large_volume_is_streamed_to_its_file_in_live_memory_that_does_not_grow_with_the_departments()
    {
        Fixtures.Typesetter.Value.Render(Fixtures.Kgj2023); // fonts warm, as in a running worker
        var small = Render(40);
        var large = Render(200);

        Assert.True(large.Pages > 4 * small.Pages);
        // Live heap sampled (after a full collection) while the volume is written: one report's layout and one
        // page at a time, so five times the departments adds only bookmarks and offsets (bytes per page).
        Assert.True(large.PeakLive - small.PeakLive < 8L << 20,
            $"live heap peaks at {small.PeakLive >> 20} MiB for {small.Pages} pages and {large.PeakLive >> 20} MiB for {large.Pages} pages");
        Assert.True(large.Writes > 1000, "the volume reaches its file page by page, not in one write at the end");
    }

    private (int Pages, long PeakLive, int Writes) Render(int departments)
    {
        var template = Fixtures.Kgj2023;
        var reports = Enumerable.Range(1, departments).Select(i =>
        {
            var name = $"魏都区第{i}局";
            var title = $"{name}2023年法治政府建设情况的报告";
            return new VolumeEntry($"d{i}", name,
                template with { Title = title, Signature = name, Info = template.Info with { Title = title, Author = name } });
        }).ToList();
        var volume = new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编", reports,
            [VolumeCompilationFixture.Missing("czj", "魏都区财政局", ("measures", PartStatus.NotSubmitted))],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "汇编", new DateTimeOffset(2024, 3, 31, 18, 0, 0, TimeSpan.FromHours(8))));
        var path = $"/tmp/typeset/volume-{departments}.pdf";
        Directory.CreateDirectory("/tmp/typeset");

        var watch = Stopwatch.StartNew();
        int pages;
        SamplingStream sampled;
        using (var file = File.Create(path))
        using (sampled = new SamplingStream(file, every: 200))
            pages = Fixtures.Typesetter.Value.RenderVolume(volume, sampled);
        output.WriteLine($"{departments} reports: {pages} pages, {new FileInfo(path).Length / 1024} KiB, {watch.ElapsedMilliseconds} ms, " +
            $"{sampled.Writes} writes, live heap peak {sampled.PeakLive >> 20} MiB");

        using var document = PdfDocument.Open(path);
        Assert.Equal(pages, document.NumberOfPages);
        return (pages, sampled.PeakLive, sampled.Writes);
    }

    /// <summary>Passes writes through, and every so many writes measures the live heap (after a full collection).</summary>
    private sealed class SamplingStream(Stream inner, int every) : Stream
    {
        public int Writes { get; private set; }
        public long PeakLive { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            if (Writes++ % every == 0) PeakLive = Math.Max(PeakLive, GC.GetTotalMemory(true));
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
