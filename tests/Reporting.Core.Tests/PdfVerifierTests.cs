using Reporting.Core.Access;
using Reporting.Core.Publication;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.Core.Verification;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>The SHA-256 index written where PDFs are stored, and what a verification reads from it.</summary>
public sealed class PdfVerifierTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    private PdfVerifier Verifier => new(_world.Hashes, _world.Reports, _world.Ledgers, _world.Publications);

    [Fact]
    public async Task Assembling_files_the_stored_pdfs_hash_with_its_report_and_version_once()
    {
        await _world.CompleteReportAsync();
        var assembled = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        var row = Assert.Single(_world.Hashes.Rows.Values);
        Assert.Equal((assembled!.Sha256, 2023, "kgj", 1, assembled.BlobName), (row.Sha256, row.Year, row.Department, row.Version, row.BlobName));
        Assert.Equal(_world.Pdfs.Blobs[assembled.BlobName!].Pdf.Content.Length, row.Length);
        Assert.Equal(assembled.AssembledAt, row.MadeAt);
    }

    [Fact]
    public async Task A_pdf_stored_by_an_attempt_that_died_is_filed_under_the_stored_bytes_on_the_retry()
    {
        await _world.CompleteReportAsync();
        var stored = new RenderedPdf([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3], 2);
        await _world.Pdfs.CreateAsync(ReportAssembler.BlobName(Key, 1), stored, "earlier.pdf");

        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Equal(stored.Sha256, Assert.Single(_world.Hashes.Rows.Keys));
    }

    [Fact]
    public async Task A_verified_version_says_whether_it_is_the_newest_and_whether_exactly_it_is_published()
    {
        await _world.CompleteReportAsync();
        var first = (await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1)))!;
        var record = new PublicationRecord(Key);
        record.Publish(1, TestWorld.Office, _world.Clock.GetUtcNow(), "已审查");
        await _world.Publications.SaveAsync(record);

        var found = (await Verifier.VerifyAsync(first.Sha256!))!;
        Assert.Equal((1, true, true), (found.NewestVersion, found.IsNewest, found.IsPublished));

        await _world.SubmitAsync("duty", "一、党政主要负责人履行推进法治建设第一责任人职责\n改过的正文。");
        await _world.DecideAsync("duty", 2);
        var second = (await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 2)))!;

        var old = (await Verifier.VerifyAsync(first.Sha256!))!;
        Assert.Equal((2, false, true), (old.NewestVersion, old.IsNewest, old.IsPublished));
        var newer = (await Verifier.VerifyAsync(second.Sha256!))!;
        Assert.Equal((2, true, false), (newer.Pdf.Version, newer.IsNewest, newer.IsPublished));
    }

    [Fact]
    public async Task The_compiled_volume_is_filed_as_the_years_volume()
    {
        await _world.CompleteReportAsync("kgj");
        await _world.YearEnd.RunAsync(2023, Caller.System);

        var volume = (await _world.Ledgers.GetAsync(2023)).Find(1)!;
        var found = (await Verifier.VerifyAsync(volume.Sha256!))!;
        Assert.True(found.Pdf.IsVolume);
        Assert.Equal((2023, 1, true, false), (found.Pdf.Year, found.Pdf.Version, found.IsNewest, found.IsPublished));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    public async Task A_hash_nothing_was_filed_under_or_no_hash_at_all_finds_nothing(string sha256)
    {
        await _world.CompleteReportAsync();
        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Null(await Verifier.VerifyAsync(sha256));
    }
}
