using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>A membership's e-mail address: set through the members API, refused when malformed, and where 催报 then goes (year 2000, 信访局).</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MemberEmailTests(LocalHostFixture app)
{
    private const int Year = 2000;
    private const string Department = "xfj";

    [Fact]
    public async Task A_members_email_is_stored_and_a_chase_reaches_it_beside_the_development_addresses()
    {
        var user = "xfj-clerk-" + Guid.NewGuid().ToString("N")[..6];
        var admin = app.ClientAs("office-admin");
        try
        {
            using (var bad = await admin.PutAsJsonAsync($"api/members/{user}", new { role = "author", department = Department, email = "张三 <zhang@xfj>, x@y" }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
                Assert.Contains("电子邮箱", problem.GetProperty("errors").GetProperty("email")[0].GetString());
            }
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/members/{user}")).StatusCode);

            using (var saved = await admin.PutAsJsonAsync($"api/members/{user}",
                new { role = "author", department = Department, email = $"{user}@xfj.weidu.example.gov.cn" }))
            {
                Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
                Assert.Equal($"{user}@xfj.weidu.example.gov.cn", JsonDocument.Parse(await saved.Content.ReadAsStringAsync())
                    .RootElement.GetProperty("email").GetString());
            }

            var id = Guid.NewGuid().ToString("N");
            string key;
            using (var chased = await app.ClientAs(LocalHostFixture.Office).PostAsJsonAsync($"api/reports/{Year}/{Department}/chase", new { id }))
            {
                var answer = JsonDocument.Parse(await chased.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("queued", answer.GetProperty("outcome").GetString());
                key = answer.GetProperty("key").GetString()!;
            }
            var mail = await app.Smtp.WaitForAsync(m => m.Headers["X-Report-Key"] == key, TimeSpan.FromSeconds(120));

            Assert.Equal(
                new[] { "xfj-author@localhost", $"{user}@xfj.weidu.example.gov.cn", "xfj-approver@localhost",
                    "xfj-approver2@localhost" }.Order(StringComparer.Ordinal),
                mail.To.Mailboxes.Select(m => m.Address).Order(StringComparer.Ordinal));
        }
        finally
        {
            await admin.DeleteAsync($"api/members/{user}");
        }
    }
}
