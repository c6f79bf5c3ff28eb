using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

/// <summary>One submission per post: a repeat with the same one-time id (double click, reload, retry) answers with the version it made.</summary>
public class SubmissionIdTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    private Task<SubmittedDraft> SubmitAsync(string body, string? id, string section = "duty") =>
        _world.Submission.SubmitOnceAsync(SubmitCommands.For(section, body) with { SubmissionId = id }, TestWorld.Author());

    [Fact]
    public async Task A_repeated_post_answers_with_the_version_it_made_and_stores_nothing()
    {
        var first = await SubmitAsync("职责的正文。", "0f8fad5b-d9cb-469f-a165-70867728950e");
        _world.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = await SubmitAsync("职责的正文。", "0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal((false, true), (first.Repeated, again.Repeated));
        Assert.Equal((1, first.Draft.SubmittedAt), (again.Draft.Version, again.Draft.SubmittedAt));
        Assert.Single(await _world.Drafts.ListAsync(Key));
        Assert.Single(_world.Audit.Entries, e => e.Action == "draft.submitted");
    }

    [Fact]
    public async Task A_post_racing_one_with_the_same_id_gets_that_posts_version_and_records_nothing()
    {
        const string id = "7c9e6679742540de944be07fc1f90ae7";
        // The racing post passed its look-up too, and stores its version just before this one does.
        SubmittedDraft? racing = null;
        _world.Drafts.BeforeAddOnce = async () => racing = await SubmitAsync("职责的正文。", id);

        var mine = await SubmitAsync("职责的正文。", id);

        Assert.Equal((false, true), (racing!.Repeated, mine.Repeated));
        Assert.Equal(racing.Draft.Version, mine.Draft.Version);
        Assert.Single(await _world.Drafts.ListAsync(Key));
        Assert.Single(_world.Audit.Entries, e => e.Action == "draft.submitted");
    }

    [Fact]
    public async Task A_racing_post_that_stored_the_same_text_first_makes_this_one_its_repeat_not_an_unchanged_text()
    {
        const string id = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";
        // The racing post stores its version after this one looked the id up and before it compares the text with the newest version.
        _world.Drafts.AfterFindSubmission = async () => await SubmitAsync("职责的正文。", id);

        var mine = await SubmitAsync("职责的正文。", id);

        Assert.Equal((1, true), (mine.Draft.Version, mine.Repeated));
        Assert.Single(await _world.Drafts.ListAsync(Key));
    }

    [Fact]
    public async Task The_same_id_with_another_text_or_part_is_refused_not_taken_for_a_repeat()
    {
        await SubmitAsync("职责的正文。", "a-one-time-id");

        var otherText = await Assert.ThrowsAsync<ReportingException>(() => SubmitAsync("职责的正文（改）。", "a-one-time-id"));
        var otherPart = await Assert.ThrowsAsync<ReportingException>(() => SubmitAsync("措施的正文。", "a-one-time-id", "measures"));

        Assert.Equal((ProblemKind.Conflict, Refusal.Of(RefusalCode.SubmissionIdReused, 1, "duty")), (otherText.Kind, otherText.Refusal));
        Assert.Equal(RefusalCode.SubmissionIdReused, otherPart.Refusal.Code);
        Assert.Single(await _world.Drafts.ListAsync(Key));
    }

    [Fact]
    public async Task Posts_with_different_ids_are_different_submissions()
    {
        await SubmitAsync("第一稿。", "first-post-id");

        var second = await SubmitAsync("第二稿。", "second-post-id");

        Assert.Equal((2, false), (second.Draft.Version, second.Repeated));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    [InlineData("slash/in/the/id")]
    public async Task A_malformed_id_is_refused_and_nothing_is_stored(string id)
    {
        var e = await Assert.ThrowsAsync<ReportingException>(() => SubmitAsync("职责的正文。", id));

        Assert.Equal(ProblemKind.Validation, e.Kind);
        Assert.Equal(RefusalCode.SubmissionIdMalformed, Assert.Single(e.Errors["submissionId"]).Code);
        Assert.Empty(await _world.Drafts.ListAsync(Key));
    }
}
