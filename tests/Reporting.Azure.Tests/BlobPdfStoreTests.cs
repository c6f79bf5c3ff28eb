using System.Globalization;
using System.Net;
using System.Web;
using Reporting.Azure.Blobs;
using Reporting.Azure.Storage;
using Reporting.Core.ReportAssembly;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class BlobPdfStoreTests(AzuriteFixture azurite)
{
    private const string FileName = "魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.pdf";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static RenderedPdf Pdf(string text, int pages) => new(System.Text.Encoding.UTF8.GetBytes("%PDF-1.7\n" + text), pages);

    private async Task<(BlobPdfStore Store, StorageClients Clients, string Name)> StoreAsync(TimeProvider? clock = null)
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        return (new BlobPdfStore(clients, clock ?? TimeProvider.System), clients, $"{clients.Options.ReportsContainer}/2023/kgj/2023-kgj-v1.pdf");
    }

    private static DateTimeOffset SignedExpiry(Uri link) =>
        DateTimeOffset.Parse(HttpUtility.ParseQueryString(link.Query)["se"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task Creating_a_name_twice_writes_once_and_the_second_create_returns_the_first_pdfs_facts()
    {
        var (store, clients, name) = await StoreAsync();
        var first = Pdf("first", 4);

        var created = await store.CreateAsync(name, first, FileName);
        var again = await store.CreateAsync(name, Pdf("second, different and longer", 9), "other.pdf");

        Assert.Equal(new StoredPdf(name, first.Sha256, 4, first.Content.Length, true), created);
        Assert.Equal(new StoredPdf(name, first.Sha256, 4, first.Content.Length, false), again);
        var blob = clients.Blobs.GetBlobContainerClient(clients.Options.ReportsContainer).GetBlobClient("2023/kgj/2023-kgj-v1.pdf");
        Assert.Equal(first.Content, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(again with { Created = false }, await store.FindAsync(name));
    }

    [Fact]
    public async Task Creating_from_a_stream_stores_its_bytes_once_with_the_given_hash_and_pages()
    {
        var (store, _, name) = await StoreAsync();
        var pdf = Pdf("a compiled volume", 120);

        var created = await store.CreateAsync(name, new MemoryStream(pdf.Content), pdf.Sha256, 120, "汇编.pdf");
        var again = await store.CreateAsync(name, new MemoryStream([9, 9, 9]), "other", 1, "汇编.pdf");

        Assert.Equal(new StoredPdf(name, pdf.Sha256, 120, pdf.Content.Length, true), created);
        Assert.Equal(created with { Created = false }, again);
        Assert.Equal(pdf.Content, await Http.GetByteArrayAsync(await store.GetReadLinkAsync(name, TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task Racing_creates_of_one_name_store_exactly_one_of_them()
    {
        var (store, _, name) = await StoreAsync();
        var results = await Together.RunAsync(6, i => store.CreateAsync(name, Pdf($"attempt {i}", i), FileName));

        var winner = Assert.Single(results, r => r.Created);
        Assert.All(results, r => Assert.Equal((winner.Sha256, winner.PageCount), (r.Sha256, r.PageCount)));
    }

    [Fact]
    public async Task The_ofd_twin_is_stored_beside_the_pdf_once_and_served_as_application_ofd_with_its_chinese_file_name()
    {
        var (store, _, name) = await StoreAsync();
        var ofdName = OfdTwin.Of(name);
        var ofdFileName = OfdTwin.Of(FileName);
        byte[] ofd = [0x50, 0x4B, 3, 4, 1, 2, 3];
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ofd));
        await store.CreateAsync(name, Pdf("body", 2), FileName);

        var created = await store.CreateAsync(ofdName, new MemoryStream(ofd), sha, 2, ofdFileName);
        var again = await store.CreateAsync(ofdName, new MemoryStream([9, 9]), "other", 5, "other.ofd");

        Assert.EndsWith("/2023/kgj/2023-kgj-v1.ofd", ofdName);
        Assert.Equal(new StoredPdf(ofdName, sha, 2, ofd.Length, true), created);
        Assert.Equal(created with { Created = false }, again);
        Assert.Equal(again, await store.FindAsync(ofdName));
        using var response = await Http.GetAsync(await store.GetReadLinkAsync(ofdName, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ofd", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ofdFileName, response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.EndsWith("（第1版）.ofd", ofdFileName);
        Assert.Equal(ofd, await response.Content.ReadAsByteArrayAsync());
        // The PDF beside it is still served as PDF.
        using var pdf = await Http.GetAsync(await store.GetReadLinkAsync(name, TimeSpan.FromMinutes(5)));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_stored_pdf_is_served_as_application_pdf_with_the_chinese_file_name_in_filename_star()
    {
        var (store, _, name) = await StoreAsync();
        await store.CreateAsync(name, Pdf("body", 2), FileName);

        using var response = await Http.GetAsync(await store.GetReadLinkAsync(name, TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(FileName, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString(FileName), response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task A_read_link_downloads_the_bytes_with_a_plain_http_client_but_cannot_write()
    {
        var (store, _, name) = await StoreAsync();
        var pdf = Pdf("download me 𠮷", 1);
        await store.CreateAsync(name, pdf, FileName);
        var link = await store.GetReadLinkAsync(name, TimeSpan.FromMinutes(5));

        Assert.Equal(pdf.Content, await Http.GetByteArrayAsync(link));
        using var put = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var refused = await Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(pdf.Content, await Http.GetByteArrayAsync(link));
    }

    [Fact]
    public async Task A_read_link_expires_after_the_lifetime_asked_for()
    {
        var before = DateTimeOffset.UtcNow;
        var (store, _, name) = await StoreAsync();

        var lifetime = TimeSpan.FromSeconds(1);

        var link = await store.GetReadLinkAsync(name, lifetime);
        var after = DateTimeOffset.UtcNow;

        // se= is in whole seconds, so it may fall up to a second before the moment asked for, never after it.
        Assert.InRange(SignedExpiry(link), before + lifetime - TimeSpan.FromSeconds(1), after + lifetime);
        Assert.Equal("r", HttpUtility.ParseQueryString(link.Query)["sp"]);
    }

    [Fact]
    public async Task A_link_whose_lifetime_has_passed_is_refused_by_storage()
    {
        // The store's clock is an hour behind, so a one-minute link it signs expired 59 minutes ago.
        var (store, _, name) = await StoreAsync(new ManualClock(DateTimeOffset.UtcNow.AddHours(-1)));
        await store.CreateAsync(name, Pdf("old", 1), FileName);

        var link = await store.GetReadLinkAsync(name, TimeSpan.FromMinutes(1));

        Assert.True(SignedExpiry(link) < DateTimeOffset.UtcNow.AddMinutes(-58));
        using var response = await Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Finding_a_pdf_that_was_never_stored_returns_null()
    {
        var (store, _, name) = await StoreAsync();

        Assert.Null(await store.FindAsync(name));
    }

    [Fact]
    public async Task A_name_without_a_container_is_refused()
    {
        var (store, _, _) = await StoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync("no-container.pdf"));
    }
}
