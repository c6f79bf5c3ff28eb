using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Reporting.Azure.Blobs;
using Reporting.Azure.Storage;
using Reporting.Core.Access;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class BlobSealStoreTests(AzuriteFixture azurite)
{
    private static readonly Caller Admin = new("office-admin", "区法治办管理员");

    private async Task<(BlobSealStore Store, StorageClients Clients)> StoreAsync()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        return (new BlobSealStore(clients), clients);
    }

    private static async Task<List<string>> BlobsAsync(StorageClients clients, string organisation)
    {
        var names = new List<string>();
        var container = clients.Blobs.GetBlobContainerClient(clients.Options.ReportsContainer);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"seals/{organisation}/", CancellationToken.None))
            names.Add(blob.Name);
        return names;
    }

    [Fact]
    public async Task Each_new_image_is_the_next_version_under_seals_and_the_earlier_ones_stay_as_they_were()
    {
        var (store, clients) = await StoreAsync();
        byte[] first = TestPng.RedSeal(100), second = TestPng.RedSeal(140);

        var one = await store.AddAsync("kgj", first, Admin);
        var two = await store.AddAsync("kgj", second, new Caller("6f1c2d3e-0000-4000-8000-00000000abcd", "张三"));

        Assert.Equal((1, true, first.Length, Convert.ToHexStringLower(SHA256.HashData(first))), (one.Version, one.Created, (int)one.Length, one.Sha256));
        Assert.Equal((2, true), (two.Version, two.Created));
        Assert.Equal(["seals/kgj/v1.png", "seals/kgj/v2.png"], await BlobsAsync(clients, "kgj"));
        Assert.Equal(first, (await store.ReadAsync("kgj", 1))!.Png);
        var newest = (await store.ReadAsync("kgj"))!;
        Assert.Equal(second, newest.Png);
        Assert.Equal((2, "张三", "6f1c2d3e-0000-4000-8000-00000000abcd"), (newest.Seal.Version, newest.Seal.UploadedBy.Name, newest.Seal.UploadedBy.Id));
        Assert.Equal(newest.Seal with { Created = false }, await store.FindNewestAsync("kgj"));
        var blob = clients.Blobs.GetBlobContainerClient(clients.Options.ReportsContainer).GetBlobClient("seals/kgj/v2.png");
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("image/png", properties.ContentType);
    }

    [Fact]
    public async Task Uploading_the_newest_image_again_stores_nothing_and_returns_that_version()
    {
        var (store, clients) = await StoreAsync();
        var seal = TestPng.RedSeal(100);
        var stored = await store.AddAsync("sfj", seal, Admin);

        var again = await store.AddAsync("sfj", seal, new Caller("someone-else", "另一位管理员"));

        Assert.False(again.Created);
        Assert.Equal(stored with { Created = false, StoredAt = again.StoredAt }, again);
        Assert.Equal("区法治办管理员", again.UploadedBy.Name);
        Assert.Equal(["seals/sfj/v1.png"], await BlobsAsync(clients, "sfj"));
    }

    [Fact]
    public async Task An_existing_version_blob_is_never_overwritten_the_upload_takes_the_next_number()
    {
        var (store, clients) = await StoreAsync();
        var first = TestPng.RedSeal(100);
        await store.AddAsync("mzj", first, Admin);
        var blob = clients.Blobs.GetBlobContainerClient(clients.Options.ReportsContainer).GetBlobClient("seals/mzj/v1.png");
        var tag = (await blob.GetPropertiesAsync()).Value.ETag;

        // Going back to an earlier image is a new version too: only the newest counts as "the same upload".
        await store.AddAsync("mzj", TestPng.RedSeal(120), Admin);
        var back = await store.AddAsync("mzj", first, Admin);

        Assert.Equal((3, true), (back.Version, back.Created));
        Assert.Equal(tag, (await blob.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(first, (await store.ReadAsync("mzj"))!.Png);
    }

    [Fact]
    public async Task Uploads_at_once_each_get_their_own_version_and_none_is_lost()
    {
        var (store, clients) = await StoreAsync();
        var images = Enumerable.Range(0, 4).Select(i => TestPng.RedSeal(100 + i * 4)).ToArray();

        var stored = await Task.WhenAll(images.Select(png => Task.Run(() => store.AddAsync("czj", png, Admin))));

        Assert.Equal([1, 2, 3, 4], stored.Select(s => s.Version).Order());
        Assert.All(stored, s => Assert.True(s.Created));
        foreach (var s in stored)
            Assert.Equal(s.Sha256, Convert.ToHexStringLower(SHA256.HashData((await store.ReadAsync("czj", s.Version))!.Png)));
        Assert.Equal(4, (await BlobsAsync(clients, "czj")).Count);
    }

    [Fact]
    public async Task An_organisation_without_a_seal_has_no_newest_and_nothing_to_read()
    {
        var (store, _) = await StoreAsync();
        await store.AddAsync("kgj", TestPng.RedSeal(100), Admin);

        Assert.Null(await store.FindNewestAsync("kg"));
        Assert.Null(await store.ReadAsync("jyj"));
        Assert.Null(await store.ReadAsync("kgj", 2));
    }
}
