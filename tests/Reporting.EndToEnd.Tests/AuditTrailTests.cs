using System.Text.Json;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Who did what and when: drafts and decisions carry the signed-in people; the report's trail shows them and the system's own steps.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class AuditTrailTests(LocalHostFixture app)
{
    [Fact]
    public async Task The_report_shows_its_authors_reviewers_and_the_system_s_steps_by_id_and_name()
    {
        const int year = 2016;
        await app.SubmitFixtureAsync(year, "kgj");
        var report = await app.WaitForReportAsync(year, "kgj", r => LocalHostFixture.VersionNotified(r, 1)
            && r.GetProperty("audit").EnumerateArray().Any(a => a.GetProperty("action").GetString() == "report.notified"));

        var duty = report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "duty");
        var draft = duty.GetProperty("drafts")[0];
        Assert.Equal(("科工局起草人", "kgj-author"), (draft.GetProperty("author").GetString(), draft.GetProperty("authorId").GetString()));
        Assert.Equal(("科工局审核人", "kgj-approver"), (draft.GetProperty("reviewer").GetString(), draft.GetProperty("reviewerId").GetString()));

        var trail = report.GetProperty("audit").EnumerateArray()
            .Select(a => (Action: a.GetProperty("action").GetString(), What: a.GetProperty("what").GetString(), Id: a.GetProperty("actorId").GetString(),
                Name: a.GetProperty("actor").GetString(), At: a.GetProperty("at").GetDateTimeOffset())).ToList();
        Assert.Equal(5, trail.Count(t => t == t with { Action = "draft.submitted", What = "提交草稿", Id = "kgj-author", Name = "科工局起草人" }));
        Assert.Equal(5, trail.Count(t => t == t with { Action = "draft.approved", What = "审核通过", Id = "kgj-approver", Name = "科工局审核人" }));
        Assert.Single(trail, t => t == t with { Action = "report.assembled", Id = "system", Name = "系统" });
        Assert.Single(trail, t => t == t with { Action = "report.notified", Id = "system", Name = "系统" });
        Assert.Equal(trail.Select(t => t.At).Order(), trail.Select(t => t.At));
    }
}
