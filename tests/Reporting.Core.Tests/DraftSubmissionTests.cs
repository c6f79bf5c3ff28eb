using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Xunit;

namespace Reporting.Core.Tests;

public class DraftSubmissionTests
{
    private readonly TestWorld _world = new();

    private Task<ReportingException> RefusalAsync(SubmitDraftCommand command) =>
        Assert.ThrowsAsync<ReportingException>(() => _world.Submission.SubmitAsync(command, TestWorld.Author()));

    [Fact]
    public async Task Each_submission_of_a_part_is_stored_as_its_next_version_and_earlier_versions_stay()
    {
        var versions = new List<int>();
        foreach (var text in new[] { "第一稿。", "第二稿。", "第三稿。" })
            versions.Add((await _world.SubmitAsync("duty", text)).Version);
        var other = await _world.SubmitAsync("measures");

        Assert.Equal([1, 2, 3], versions);
        Assert.Equal(1, other.Version);
        Assert.Equal("第一稿。", (await _world.Drafts.GetAsync(new(2023, "kgj"), "duty", 1))!.Body);
        Assert.Equal("第三稿。", (await _world.Drafts.GetAsync(new(2023, "kgj"), "duty", 3))!.Body);
    }

    [Fact]
    public async Task The_stored_body_is_normalised_keeping_its_own_heading_line_and_the_submission_is_audited()
    {
        var draft = await _world.SubmitAsync("duty", "一、党政主要负责人履行推进法治建设第一责任人职责\r\n局主要负责人认真贯彻落实。\r\n");

        Assert.Equal("一、党政主要负责人履行推进法治建设第一责任人职责\n局主要负责人认真贯彻落实。", draft.Body);
        Assert.Equal(_world.Clock.Now, draft.SubmittedAt);
        var entry = Assert.Single(_world.Audit.Entries);
        Assert.Equal(("2023/kgj", "draft.submitted", new Caller("kgj-author", "起草人")), (entry.Report, entry.Action, entry.Actor));
        Assert.Equal(("起草人", "kgj-author"), (draft.Author, draft.AuthorId));
    }

    [Fact]
    public async Task A_body_one_character_over_the_limit_is_refused()
    {
        var e = await RefusalAsync(SubmitCommands.For("duty", new string('法', 200_001)));

        Assert.Equal([Refusal.Of(RefusalCode.BodyTooLong, 200001, 200000)], e.Errors["body"]);
    }

    [Fact]
    public async Task A_body_with_a_control_character_is_refused()
    {
        var e = await RefusalAsync(SubmitCommands.For("duty", "正文\u0001。"));

        Assert.Equal(Refusal.Of(RefusalCode.BodyUnprintable, 1, 3, 1), Assert.Single(e.Errors["body"]));
    }

    [Fact]
    public async Task Characters_the_fonts_cannot_draw_are_refused_with_where_they_stand()
    {
        var world = new TestWorld { Coverage = new FakeGlyphCoverage("𠮷") };

        var e = await Assert.ThrowsAsync<ReportingException>(() =>
            world.Submission.SubmitAsync(SubmitCommands.For("duty", "第一行\n吉𠮷野家"), TestWorld.Author()));

        Assert.Equal([Refusal.Of(RefusalCode.BodyGlyphMissing, 2, 2, "𠮷", 0x20BB7)], e.Errors["body"]);
    }

    [Fact]
    public async Task A_text_the_same_as_the_parts_newest_version_is_refused_naming_it_and_nothing_is_stored()
    {
        await _world.SubmitAsync("duty", "第一稿。");
        await _world.DecideAsync("duty", 1, "reject");

        // The same once normalised (line ends, trailing blanks): refused with the version it repeats and where that version stands.
        var e = await RefusalAsync(SubmitCommands.For("duty", "第一稿。\r\n\r\n"));

        Assert.Equal([Refusal.Of(RefusalCode.BodyUnchanged, 1, DraftStatus.Rejected)], e.Errors["body"]);
        Assert.Single(await _world.Drafts.ListAsync(new(2023, "kgj")));
        Assert.Equal(2, (await _world.SubmitAsync("duty", "第一稿，已补充。")).Version);
        // Another part, or an earlier version's text, is not a repeat of the newest.
        Assert.Equal(1, (await _world.SubmitAsync("measures", "第一稿。")).Version);
        Assert.Equal(3, (await _world.SubmitAsync("duty", "第一稿。")).Version);
    }
}
