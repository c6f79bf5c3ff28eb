using System.Net;
using Reporting.Azure.Blobs;
using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class PublicationStorageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Caller Office = new("office", "区法治办工作人员");

    [Fact]
    public async Task A_publication_record_keeps_its_history_a_stale_etag_is_a_conflict_and_only_public_years_are_listed()
    {
        var repository = new TablePublicationRepository(await azurite.CreateIsolatedClientsAsync());
        var key = new ReportKey(2021, "kgj");
        var record = await repository.GetAsync(key);
        Assert.Null(record.ETag);
        record.Publish(1, Office, T0, "不涉密");
        await repository.SaveAsync(record);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.SaveAsync(new PublicationRecord(key)));

        var first = await repository.GetAsync(key);
        var second = await repository.GetAsync(key);
        Assert.Equal((PublicationEventKind.Published, 1, "不涉密", true, T0),
            (first.Current!.Kind, first.Current.Version, first.Current.Text, first.Current.ConfidentialityReviewed, first.Current.At));
        first.Withdraw(Office, T0.AddDays(1), "有误");
        await repository.SaveAsync(first);
        second.Publish(2, Office, T0.AddDays(2), "不涉密");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.SaveAsync(second));

        var other = await repository.GetAsync(new ReportKey(2020, "sfj"));
        other.Publish(3, Office, T0, "不涉密");
        await repository.SaveAsync(other);
        var stored = await repository.GetAsync(key);
        Assert.Equal([PublicationEventKind.Published, PublicationEventKind.Withdrawn], stored.Events.Select(e => e.Kind));
        Assert.Equal([2020], await repository.ListPublishedYearsAsync());
        Assert.Single(await repository.ListYearAsync(2021));
    }

    [Fact]
    public async Task The_public_container_serves_what_is_put_anonymously_and_nothing_once_deleted()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var site = new BlobPublicSite(clients, new PublicationOptions { Container = "web" + Guid.NewGuid().ToString("N")[..8], AnonymousReadContainer = true });
        await site.EnsureCreatedAsync();
        using var anonymous = new HttpClient();
        var url = new Uri(site.BaseAddress, "2021/kgj.html");

        await site.PutAsync("2021/kgj.html", "<!doctype html><title>报告</title>"u8.ToArray(), "text/html; charset=utf-8");

        using (var response = await anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("报告", await response.Content.ReadAsStringAsync());
        }
        await site.DeleteAsync("2021/kgj.html");
        await site.DeleteAsync("2021/kgj.html");
        using (var gone = await anonymous.GetAsync(url))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_write_if_absent_writes_a_missing_file_once_and_keeps_the_one_there_even_in_a_container_not_created_yet()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var site = new BlobPublicSite(clients, new PublicationOptions { Container = "web" + Guid.NewGuid().ToString("N")[..8], AnonymousReadContainer = true });

        Assert.True(await site.PutIfAbsentAsync("index.html", "<!doctype html><p>尚无</p>"u8.ToArray(), "text/html; charset=utf-8"));
        Assert.False(await site.PutIfAbsentAsync("index.html", "<!doctype html><p>又一次</p>"u8.ToArray(), "text/html; charset=utf-8"));
        await site.PutAsync("404.html", "<!doctype html><p>已发布</p>"u8.ToArray(), "text/html; charset=utf-8");
        Assert.False(await site.PutIfAbsentAsync("404.html", "<!doctype html><p>启动</p>"u8.ToArray(), "text/html; charset=utf-8"));

        using var anonymous = new HttpClient();
        using (var index = await anonymous.GetAsync(new Uri(site.BaseAddress, "index.html")))
        {
            Assert.Equal(("text/html", "public, max-age=300"), (index.Content.Headers.ContentType?.MediaType, index.Headers.CacheControl?.ToString()));
            Assert.Equal("<!doctype html><p>尚无</p>", await index.Content.ReadAsStringAsync());
        }
        Assert.Equal("<!doctype html><p>已发布</p>", await anonymous.GetStringAsync(new Uri(site.BaseAddress, "404.html")));
    }

    /// <summary>The static website not enabled yet: the first write creates the container, private, rather than fail the publish.</summary>
    [Fact]
    public async Task A_write_to_a_container_not_created_yet_creates_it_private()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var site = new BlobPublicSite(clients, new PublicationOptions { Container = "web" + Guid.NewGuid().ToString("N")[..8] });
        await site.PutAsync("index.html", "<!doctype html>"u8.ToArray(), "text/html; charset=utf-8");
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(new Uri(site.BaseAddress, "index.html"));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.True((await clients.Blobs.GetBlobContainerClient(site.BaseAddress.Segments[^1].TrimEnd('/')).GetBlobClient("index.html").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Listing_a_year_gives_each_file_with_the_publication_step_it_was_written_for_and_nothing_of_a_missing_container()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var site = new BlobPublicSite(clients, new PublicationOptions { Container = "web" + Guid.NewGuid().ToString("N")[..8], AnonymousReadContainer = true });
        Assert.Empty(await site.ListAsync("2021/"));
        await site.EnsureCreatedAsync();

        await site.PutAsync("2021/kgj.pdf", "%PDF-1.7"u8.ToArray(), "application/pdf", "3");
        await site.PutAsync("2021/kgj.html", "<!doctype html>"u8.ToArray(), "text/html; charset=utf-8", "3");
        await site.PutAsync("2021/kgj.html", "<!doctype html>"u8.ToArray(), "text/html; charset=utf-8", "5");
        await site.PutAsync("2021/index.html", "<!doctype html>"u8.ToArray(), "text/html; charset=utf-8");
        await site.PutAsync("2022/sfj.pdf", "%PDF-1.7"u8.ToArray(), "application/pdf", "1");

        var listed = await site.ListAsync("2021/");

        Assert.Equal(new Dictionary<string, string?> { ["2021/index.html"] = null, ["2021/kgj.html"] = "5", ["2021/kgj.pdf"] = "3" },
            listed.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary());
    }
}
