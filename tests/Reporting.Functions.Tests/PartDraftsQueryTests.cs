using Reporting.Core.Errors;
using Reporting.Core.Tests;
using Reporting.Core.Workflow;
using Reporting.Functions.ReadModels;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The 草稿 page's read: every version of one part with its review and text, under the report's read rule.</summary>
public sealed class PartDraftsQueryTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task Every_version_of_the_part_comes_oldest_first_with_its_comment_text_and_superseded_mark()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        await _world.DecideAsync("duty", 1, "reject");
        await _world.SubmitAsync("duty", "第二稿。");
        await _world.SubmitAsync("measures", "另一部分。");

        var versions = await _world.Queries().GetPartDraftsAsync("2023", "kgj", "duty", TestWorld.Office);

        Assert.Equal([(1, "rejected", "请修改后重新提交。", "第一稿。", true), (2, "submitted", null, "第二稿。", false)],
            versions.Select(v => (v.Version, v.Status, v.ReviewComment, v.Body, v.Superseded)));
        Assert.Empty(await _world.Queries().GetPartDraftsAsync("2023", "kgj", "other", TestWorld.Office));
    }

    [Fact]
    public async Task Another_departments_member_is_refused_and_a_bad_part_is_a_validation_error()
    {
        await _world.SubmitAsync("duty", "第一稿。");

        var refused = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetPartDraftsAsync("2023", "kgj", "duty", TestWorld.Author("czj")));
        var invalid = await Assert.ThrowsAsync<ReportingException>(() => _world.Queries().GetPartDraftsAsync("2023", "kgj", "nonsense", TestWorld.Office));

        Assert.Equal((ProblemKind.Forbidden, ProblemKind.Validation), (refused.Kind, invalid.Kind));
        Assert.Equal(["未知的报告部分。"], invalid.Errors["section"]);
    }
}
