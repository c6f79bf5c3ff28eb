using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>District-office admins manage membership over HTTP, and the members table is what grants rights.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MembersApiTests(LocalHostFixture app)
{
    private HttpClient Admin => app.ClientAs("office-admin");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_member_added_through_the_API_gets_the_rights_of_the_role_and_loses_them_when_removed()
    {
        const string user = "wang5-e2e";
        using (var stranger = await app.SubmitAsync("2015", "kgj", "duty", "正文。", asUser: user))
            Assert.Contains("尚未加入", (await BadInputTests.AssertProblemAsync(stranger, HttpStatusCode.Forbidden, "stranger")).GetProperty("detail").GetString());

        using (var put = await Admin.PutAsync($"api/members/{user}", Json("""{"role":"author","department":"kgj"}""")))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, await app.SubmitOkAsync(2015, "kgj", "duty", "正文。", asUser: user));
        using (var otherDepartment = await app.SubmitAsync("2015", "sfj", "duty", "正文。", asUser: user))
            Assert.Equal(HttpStatusCode.Forbidden, otherDepartment.StatusCode);

        using (var delete = await Admin.DeleteAsync($"api/members/{user}"))
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using (var gone = await app.SubmitAsync("2015", "kgj", "duty", "正文。", asUser: user))
            Assert.Equal(HttpStatusCode.Forbidden, gone.StatusCode);
        using (var again = await Admin.DeleteAsync($"api/members/{user}"))
            await BadInputTests.AssertProblemAsync(again, HttpStatusCode.NotFound, "delete twice");
    }

    [Fact]
    public async Task A_change_based_on_a_stale_read_is_409_and_a_bad_membership_is_400_and_nothing_changes()
    {
        const string user = "li4-e2e";
        using var created = await Admin.PutAsync($"api/members/{user}", Json("""{"role":"author","department":"kgj"}"""));
        var etag = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("eTag").GetString()!;
        using var changed = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"api/members/{user}")
        {
            Content = Json("""{"role":"approver","department":"kgj"}"""), Headers = { { "If-Match", etag } },
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var stale = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"api/members/{user}")
        {
            Content = Json("""{"role":"office"}"""), Headers = { { "If-Match", etag } },
        });
        await BadInputTests.AssertProblemAsync(stale, HttpStatusCode.Conflict, "stale If-Match");
        using (var staleDelete = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"api/members/{user}") { Headers = { { "If-Match", etag } } }))
            await BadInputTests.AssertProblemAsync(staleDelete, HttpStatusCode.Conflict, "stale If-Match on DELETE");
        foreach (var body in new[] { """{"role":"boss"}""", """{"role":"author"}""", """{"role":"office","department":"kgj"}""", "{" })
        {
            using var bad = await Admin.PutAsync($"api/members/{user}", Json(body));
            await BadInputTests.AssertProblemAsync(bad, HttpStatusCode.BadRequest, body);
        }

        var read = JsonDocument.Parse(await Admin.GetStringAsync($"api/members/{user}")).RootElement;
        Assert.Equal(("approver", "审核人", "kgj"), (read.GetProperty("role").GetString(), read.GetProperty("roleName").GetString(),
            read.GetProperty("department").GetString()));
    }
}
