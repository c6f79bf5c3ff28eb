using Reporting.Azure.Tables;
using Reporting.Core.Verification;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The pdfhashes table in Azurite: one point read by hash, the first filing wins, a missing table is made on first use.</summary>
[Collection(AzuriteCollection.Name)]
public class PdfHashIndexStorageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Hash = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Fact]
    public async Task A_filed_pdf_is_found_by_its_hash_and_a_repeated_filing_keeps_the_first()
    {
        var index = new TablePdfHashIndex(await azurite.CreateIsolatedClientsAsync());
        var report = new PdfFingerprint(Hash, 2023, "kgj", 2, "reports/2023/kgj/2023-kgj-v2.pdf", 123_456, T0);

        await index.RecordAsync(report);
        await index.RecordAsync(report with { MadeAt = T0.AddMinutes(5) }); // a retried step

        var found = await index.FindAsync(Hash);
        Assert.Equal(report, found);
        Assert.Null(found!.Signer);
        Assert.Null(await index.FindAsync(Hash.Replace('0', '1')));
    }

    [Fact]
    public async Task A_volume_and_its_signature_facts_come_back_as_filed()
    {
        var index = new TablePdfHashIndex(await azurite.CreateIsolatedClientsAsync());
        var volume = new PdfFingerprint(Hash, 2023, null, 1, "reports/2023/volume/2023-volume-v1.pdf", 9_999_999, T0)
        {
            Signer = "魏都区人民政府办公室", SignedAt = T0.AddSeconds(3),
        };

        await index.RecordAsync(volume);

        var found = (await index.FindAsync(Hash))!;
        Assert.True(found.IsVolume);
        Assert.Equal((volume.Signer, volume.SignedAt), (found.Signer, found.SignedAt));
    }

    [Fact]
    public async Task A_deployment_older_than_the_table_creates_it_with_its_first_pdf()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.Tables.DeleteTableAsync(clients.Options.PdfHashesTable);
        var index = new TablePdfHashIndex(clients);
        Assert.Null(await index.FindAsync(Hash));

        await index.RecordAsync(new PdfFingerprint(Hash, 2023, "kgj", 1, "reports/2023/kgj/2023-kgj-v1.pdf", 1, T0));

        Assert.NotNull(await index.FindAsync(Hash));
    }
}
