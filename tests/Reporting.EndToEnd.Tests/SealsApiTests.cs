using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reporting.Azure.Tables;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The seal API over HTTP (PUT/GET /api/seals/{organisation}, GET /api/seals): images checked before anything is stored,
/// versions never overwritten, each new one audited, and only district-office administrators. Its organisations (应急管理局,
/// 市场监督管理局, 南关街道) are no other test's, so the seals uploaded here seal nobody else's reports.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class SealsApiTests(LocalHostFixture app)
{
    private HttpClient Admin => app.ClientAs("office-admin");

    private static ByteArrayContent Png(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static MultipartFormDataContent Multipart(byte[] bytes) => new() { { Png(bytes), "file", "seal.png" } };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<IReadOnlyList<Core.Audit.AuditEntry>> AuditAsync(string organisation) =>
        await new TableAuditLog(app.Storage).ListAsync($"seals/{organisation}");

    [Fact]
    public async Task A_good_PNG_is_stored_as_version_1_audited_and_served_back_and_the_same_upload_again_makes_nothing_new()
    {
        var first = TestPng.RedSeal(160);
        using (var put = await Admin.PutAsync("api/seals/yjglj", Png(first)))
        {
            var seal = await JsonAsync(put, HttpStatusCode.Created);
            Assert.Equal("/api/seals/yjglj?version=1", put.Headers.Location!.OriginalString);
            Assert.Equal((1, true, "魏都区应急管理局", "区法治办管理员"), (seal.GetProperty("version").GetInt32(), seal.GetProperty("created").GetBoolean(),
                seal.GetProperty("name").GetString(), seal.GetProperty("uploadedBy").GetString()));
        }
        Assert.Equal(["seals/yjglj/v1.png"], await app.ListBlobsAsync("seals/yjglj/"));
        var audit = Assert.Single(await AuditAsync("yjglj"));
        Assert.Equal(("seal.uploaded", "office-admin", "区法治办管理员"), (audit.Action, audit.Actor.Id, audit.Actor.Name));
        Assert.StartsWith($"v1, {first.Length} bytes, sha256 ", audit.Detail);

        // The newest as an image (what a browser's img asks for), its facts as JSON when asked.
        Assert.Equal(first, await ImageAsync("api/seals/yjglj"));
        using (var facts = await Admin.GetAsync("api/seals/yjglj"))
            Assert.Equal(1, (await JsonAsync(facts, HttpStatusCode.OK)).GetProperty("version").GetInt32());

        // The same image again (a repeated post): 200, the same version, no blob, no audit row.
        using (var again = await Admin.PutAsync("api/seals/yjglj", Png(first)))
        {
            var seal = await JsonAsync(again, HttpStatusCode.OK);
            Assert.Equal((1, false), (seal.GetProperty("version").GetInt32(), seal.GetProperty("created").GetBoolean()));
        }
        Assert.Single(await app.ListBlobsAsync("seals/yjglj/"));
        Assert.Single(await AuditAsync("yjglj"));

        // A new image as multipart field file: version 2; version 1 is still there, as it was.
        var second = TestPng.RedSeal(180);
        using (var put = await Admin.PutAsync("api/seals/yjglj", Multipart(second)))
            Assert.Equal(2, (await JsonAsync(put, HttpStatusCode.Created)).GetProperty("version").GetInt32());
        Assert.Equal(["seals/yjglj/v1.png", "seals/yjglj/v2.png"], await app.ListBlobsAsync("seals/yjglj/"));
        Assert.Equal(2, (await AuditAsync("yjglj")).Count);
        Assert.Equal(first, await ImageAsync("api/seals/yjglj?version=1"));
        Assert.Equal(second, await ImageAsync("api/seals/yjglj"));

        // The list: the district office first, then the departments, each with its newest seal or none.
        using var list = await Admin.GetAsync("api/seals");
        var holders = (await JsonAsync(list, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(("office", "魏都区法治政府建设领导小组办公室"), (holders[0].GetProperty("organisation").GetString(), holders[0].GetProperty("name").GetString()));
        Assert.Equal(2, holders.Single(h => h.GetProperty("organisation").GetString() == "yjglj").GetProperty("seal").GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, holders.Single(h => h.GetProperty("organisation").GetString() == "ngj-jd").GetProperty("seal").ValueKind);
    }

    private async Task<byte[]> ImageAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Dev-User", "office-admin");
        request.Headers.Accept.ParseAdd("image/avif,image/webp,image/png,image/*;q=0.8,*/*;q=0.5");
        using var response = await app.Anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A blue triangle on transparency: a PNG, square, transparent, but no seal's red.</summary>
    internal static byte[] BlueStamp() =>
        TestPng.Write(120, 120, (x, y) => x + y < 120 ? ((byte)20, (byte)40, (byte)200, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0));

    public static TheoryData<string, string> RefusedImages => new()
    {
        { "not a PNG", "不是 PNG 图片" },
        { "too large", "不能超过 1 MB" },
        { "far too large, as multipart", "不能超过 1 MB" },
        { "not square", "大致为正方形" },
        { "not red", "以红色为主" },
        { "no transparency", "透明背景" },
        { "empty", "文件是空的" },
    };

    [Theory]
    [MemberData(nameof(RefusedImages))]
    public async Task A_refused_image_is_a_400_naming_its_reason_and_nothing_is_stored_or_audited(string kind, string reason)
    {
        HttpContent body = kind switch
        {
            "not a PNG" => Png("%PDF-1.7 this is no seal"u8.ToArray()),
            // A real seal image padded past 1 MB: only the size is wrong.
            "too large" => Png([.. TestPng.RedSeal(160), .. new byte[1024 * 1024]]),
            "far too large, as multipart" => Multipart(new byte[3 * 1024 * 1024]),
            "not square" => Png(TestPng.Write(200, 120, (_, _) => (220, 20, 30, 255))),
            "not red" => Png(BlueStamp()),
            "no transparency" => Png(TestPng.Write(120, 120, (_, _) => (220, 20, 30, 255), alpha: false)),
            _ => Png([]),
        };
        using var response = await Admin.PutAsync("api/seals/scjgj", body);

        var problem = await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, kind);
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Empty(await app.ListBlobsAsync("seals/scjgj/"));
        Assert.Empty(await AuditAsync("scjgj"));
    }

    [Theory]
    [InlineData("office")]
    [InlineData("kgj-approver")]
    [InlineData("kgj-author")]
    public async Task Only_district_office_administrators_may_upload_or_read_seals(string user)
    {
        var client = app.ClientAs(user);
        using (var put = await client.PutAsync("api/seals/scjgj", Png(TestPng.RedSeal(160))))
            Assert.Equal("只有区法治办管理员可以管理印章。", (await BadInputTests.AssertProblemAsync(put, HttpStatusCode.Forbidden, user)).GetProperty("detail").GetString());
        using (var get = await client.GetAsync("api/seals/yjglj"))
            await BadInputTests.AssertProblemAsync(get, HttpStatusCode.Forbidden, user);
        using (var list = await client.GetAsync("api/seals"))
            await BadInputTests.AssertProblemAsync(list, HttpStatusCode.Forbidden, user);
        Assert.Empty(await app.ListBlobsAsync("seals/scjgj/"));

        using var anonymous = await app.Anonymous.PutAsync("api/seals/scjgj", Png(TestPng.RedSeal(160)));
        await BadInputTests.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "anonymous");
        Assert.Empty(await app.ListBlobsAsync("seals/scjgj/"));
    }

    [Theory]
    [InlineData("api/seals/nobody", HttpStatusCode.NotFound)]
    [InlineData("api/seals/ngj-jd", HttpStatusCode.NotFound)]
    [InlineData("api/seals/yjglj?version=99", HttpStatusCode.NotFound)]
    [InlineData("api/seals/yjglj?version=x", HttpStatusCode.BadRequest)]
    public async Task An_unknown_organisation_a_missing_seal_or_version_and_a_bad_version_are_refused(string path, HttpStatusCode status)
    {
        using var response = await Admin.GetAsync(path);
        await BadInputTests.AssertProblemAsync(response, status, path);
        using var put = await Admin.PutAsync("api/seals/nobody", Png(TestPng.RedSeal(160)));
        await BadInputTests.AssertProblemAsync(put, HttpStatusCode.NotFound, "put nobody");
        Assert.Empty(await app.ListBlobsAsync("seals/nobody/"));
    }
}
