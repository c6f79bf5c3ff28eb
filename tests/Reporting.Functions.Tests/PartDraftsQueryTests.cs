using System.Collections.Concurrent;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Tests;
using Reporting.Functions.ReadModels;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The 草稿 page's read: every version of one part as a summary, the text of the shown pair only, under the report's read rule.</summary>
public sealed class PartDraftsQueryTests
{
    private readonly TestWorld _world = new();

    [Fact]
    public async Task Every_version_of_the_part_comes_oldest_first_with_its_comment_characters_and_superseded_mark_and_the_newest_pair_has_text()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        await _world.DecideAsync("duty", 1, "reject");
        await _world.SubmitAsync("duty", "第二稿，𠀀。");
        await _world.SubmitAsync("measures", "另一部分。");

        var history = await _world.Queries().GetPartHistoryAsync("2023", "kgj", "duty", null, null, null, TestWorld.Office);

        Assert.Equal([(1, "rejected", "请修改后重新提交。", 4, true), (2, "submitted", null, 6, false)],
            history.Versions.Select(v => (v.Version, v.Status, v.ReviewComment, v.Characters, v.Superseded)));
        Assert.Equal((2, 1, 2), (history.Chosen!.Value, history.From, history.To));
        Assert.Equal(["第一稿。", "第二稿，𠀀。"], history.Texts.OrderBy(t => t.Key).Select(t => t.Value));
        var empty = await _world.Queries().GetPartHistoryAsync("2023", "kgj", "other", null, null, null, TestWorld.Office);
        Assert.Equal((0, null, 0), (empty.Versions.Count, empty.Chosen, empty.Texts.Count));
    }

    [Fact]
    public async Task Another_departments_member_is_refused_and_a_bad_part_is_a_validation_error_and_a_missing_version_is_not_found()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        var queries = _world.Queries();

        var refused = await Assert.ThrowsAsync<ReportingException>(() =>
            queries.GetPartHistoryAsync("2023", "kgj", "duty", null, null, null, TestWorld.Author("czj")));
        var invalid = await Assert.ThrowsAsync<ReportingException>(() =>
            queries.GetPartHistoryAsync("2023", "kgj", "nonsense", null, null, null, TestWorld.Office));
        var missing = await Assert.ThrowsAsync<ReportingException>(() => queries.GetPartHistoryAsync("2023", "kgj", "duty", null, 1, 7, TestWorld.Office));

        Assert.Equal((ProblemKind.Forbidden, ProblemKind.Validation, ProblemKind.NotFound), (refused.Kind, invalid.Kind, missing.Kind));
        Assert.Equal(["未知的报告部分。"], RefusalWording.FieldErrors(invalid)["section"]);
        Assert.Equal("该部分没有第 7 版草稿。", RefusalWording.Detail(missing));
    }

    [Theory]
    [InlineData(null, null, null, 40, 39, 40)]
    [InlineData(1, null, null, 1, 1, 2)]
    [InlineData(17, null, null, 17, 16, 17)]
    [InlineData(17, 3, 30, 30, 3, 30)]
    [InlineData(3, 3, 30, 3, 3, 30)]
    [InlineData(null, 12, null, 40, 12, 40)]
    [InlineData(null, 5, 5, 5, 5, 5)]
    public async Task A_load_of_a_part_with_forty_versions_reads_two_texts_at_most_and_shows_one_of_the_pair(
        int? version, int? from, int? to, int chosen, int pairFrom, int pairTo)
    {
        for (var v = 1; v <= 40; v++) await _world.SubmitAsync("duty", $"第 {v} 稿。");
        var calls = new ConcurrentQueue<string>();
        var queries = new ReportQueries(_world.Directory, _world.Access, YearReadsTests.CountingPort<IDraftRepository>.Wrap(_world.Drafts, calls),
            _world.Reports, _world.Ledgers, _world.Pdfs, _world.Audit, _world.Outbox, _world.Options, _world.Calendar, TestWorldQueries.Routes, _world.Clock,
            _world.Publications, _world.Site);

        var history = await queries.GetPartHistoryAsync("2023", "kgj", "duty", version, from, to, TestWorld.Office);

        Assert.Equal(40, history.Versions.Count);
        Assert.Equal((chosen, pairFrom, pairTo), (history.Chosen!.Value, history.From, history.To));
        Assert.Equal(new[] { pairFrom, pairTo }.Distinct().Order(), history.Texts.Keys.Order());
        Assert.Equal($"第 {chosen} 稿。", history.Texts[chosen]);
        // One listing of summaries, and one read of each text shown: never one per version.
        Assert.Equal(1, calls.Count(c => c == "IDraftRepository.ListAsync"));
        var textReads = calls.Count(c => c == "IDraftRepository.GetAsync");
        Assert.True(textReads <= 2, $"one load read {textReads} texts");
        Assert.Equal(history.Texts.Count, textReads);
    }
}
