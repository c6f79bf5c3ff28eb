using System.IO.Compression;
using System.Text;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.TestSupport;
using Reporting.Typesetting.Signing;
using Xunit;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// What the app stores for a version through <see cref="IReportTypesetter"/>: the signed PDF and its OFD twin from one layout.
/// A retried step re-renders and must find the same OFD bytes, so they may not depend on the signing clock.
/// </summary>
public sealed class StoredTwinsTests
{
    private static IReportTypesetter Signing(IDocumentSigningKey key, DateTimeOffset now) =>
        new SigningTypesetter(Fixtures.Typesetter.Value, key, new ManualClock(now));

    [Fact]
    public void A_typeset_report_is_a_signed_pdf_and_an_ofd_whose_bytes_do_not_change_with_the_signing_time()
    {
        using var key = TestSigningKeys.Load();
        var early = Signing(key, new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.Zero));
        var late = Signing(key, new DateTimeOffset(2024, 1, 16, 9, 30, 0, TimeSpan.Zero));

        var first = early.Typeset(Fixtures.Kgj2023);
        var retried = late.Typeset(Fixtures.Kgj2023);

        Assert.Contains("/ByteRange", Encoding.Latin1.GetString(first.Pdf.Content));
        Assert.NotEqual(first.Pdf.Sha256, retried.Pdf.Sha256);
        Assert.Equal(first.OfdSha256, retried.OfdSha256);
        Assert.Equal(Fixtures.Typesetter.Value.Typeset(Fixtures.Kgj2023).Ofd, first.Ofd);
        using var zip = new ZipArchive(new MemoryStream(first.Ofd), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("OFD.xml"));
        Assert.Equal(first.Pdf.PageCount, zip.Entries.Count(e => e.FullName.EndsWith("/Content.xml", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_typeset_volume_writes_the_signed_pdf_and_the_ofd_into_their_two_streams()
    {
        using var key = TestSigningKeys.Load();
        var typesetter = Signing(key, new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.Zero));
        var report = Fixtures.Kgj2023;
        var volume = new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编", [new VolumeEntry("kgj", report.Signature, report)], [],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "2023年度法治政府建设情况报告汇编",
                new DateTimeOffset(2024, 1, 8, 0, 0, 0, TimeSpan.Zero)),
            "魏都区法治政府建设领导小组办公室", new DateOnly(2024, 1, 8));
        using var pdf = new MemoryStream();
        using var ofd = new MemoryStream();

        var pages = typesetter.TypesetVolume(volume, pdf, ofd);

        Assert.Contains("/ByteRange", Encoding.Latin1.GetString(pdf.ToArray()));
        using var zip = new ZipArchive(new MemoryStream(ofd.ToArray()), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("OFD.xml"));
        Assert.Equal(pages, zip.Entries.Count(e => e.FullName.EndsWith("/Content.xml", StringComparison.Ordinal)));
    }
}
