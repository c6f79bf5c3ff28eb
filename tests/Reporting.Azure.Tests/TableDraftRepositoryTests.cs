using System.Text;
using Reporting.Azure.Tables;
using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableDraftRepositoryTests(AzuriteFixture azurite)
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private static readonly DateTimeOffset SubmittedAt = new(2024, 1, 5, 2, 0, 0, TimeSpan.Zero);

    private static Draft New(string section, string body, string author = "起草人") => new(Key, section, 0, author, body, SubmittedAt);

    private async Task<TableDraftRepository> RepositoryAsync() => new(await azurite.CreateIsolatedClientsAsync());

    /// <summary>Text mixing CJK, ASCII, line breaks and characters outside the BMP, so chunk borders fall everywhere.</summary>
    private static string MixedText(int characters)
    {
        var pieces = new[] { "法", "治", "𠮷", "a", "\n", "𩸽", "，", "　", "😀", "政" };
        var builder = new StringBuilder();
        for (var i = 0; i < characters; i++) builder.Append(pieces[(i * 7 + i / 3) % pieces.Length]);
        return builder.ToString();
    }

    [Fact]
    public async Task Each_submission_gets_the_next_version_and_earlier_versions_are_not_overwritten()
    {
        var drafts = await RepositoryAsync();

        var numbered = new List<int>();
        foreach (var body in new[] { "第一稿。", "第二稿。", "第三稿。" })
            numbered.Add((await drafts.AddNextVersionAsync(New("duty", body) with { Version = 99 })).Version);
        await drafts.AddNextVersionAsync(New("plans", "安排。"));

        Assert.Equal([1, 2, 3], numbered);
        Assert.Equal(["第一稿。", "第二稿。", "第三稿。"], await Task.WhenAll(numbered.Select(async v => (await drafts.GetAsync(Key, "duty", v))!.Body)));
        Assert.Equal([("duty", 1), ("duty", 2), ("duty", 3), ("plans", 1)], (await drafts.ListAsync(Key)).Select(d => (d.Section, d.Version)).Order());
    }

    [Fact]
    public async Task The_newest_version_of_a_part_is_read_whichever_instance_numbered_it()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var (one, other) = (new TableDraftRepository(clients), new TableDraftRepository(clients));
        Assert.Null(await one.GetNewestAsync(Key, "duty"));

        await one.AddNextVersionAsync(New("duty", "第一稿。"));
        await one.AddNextVersionAsync(New("plans", "安排。"));
        Assert.Equal((1, "第一稿。"), await NewestAsync(one));    // the number this instance gave
        Assert.Equal((1, "第一稿。"), await NewestAsync(other));  // an instance that numbered nothing reads the part's numbers
        await other.AddNextVersionAsync(New("duty", "第二稿。"));
        Assert.Equal((2, "第二稿。"), await NewestAsync(one));    // another instance numbered after this one's last

        static async Task<(int, string)> NewestAsync(TableDraftRepository drafts) =>
            await drafts.GetNewestAsync(Key, "duty") is { } newest ? (newest.Version, newest.Body) : (0, "");
    }

    [Fact]
    public async Task The_year_is_read_in_one_range_of_partitions_with_every_department_of_that_year_and_no_other_year()
    {
        var drafts = await RepositoryAsync();
        foreach (var (year, department, section) in new[] { (2023, "kgj", "duty"), (2023, "kgj", "duty"), (2023, "sfj", "plans"), (2022, "kgj", "duty"),
            (2024, "sfj", "duty") })
            await drafts.AddNextVersionAsync(new Draft(new ReportKey(year, department), section, 0, "起草人", $"{year} 年的稿。", SubmittedAt));

        var read = await drafts.ListYearAsync(2023);

        Assert.Equal(["kgj", "sfj"], read.Keys.Order());
        Assert.Equal([("duty", 1), ("duty", 2)], read["kgj"].Select(d => (d.Section, d.Version)).Order());
        Assert.Equal(("plans", 1, "起草人", DraftStatus.Submitted),
            (read["sfj"][0].Section, read["sfj"][0].Version, read["sfj"][0].Author, read["sfj"][0].Status));
        // The year's read leaves out what only one part's history shows (审核意见, the character count).
        Assert.Equal((await drafts.ListAsync(Key)).Select(d => d with { ReviewComment = null, Characters = null }), read["kgj"]);
        Assert.Empty(await drafts.ListYearAsync(2021));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(200_000)]
    public async Task A_long_body_with_characters_outside_the_bmp_round_trips_exactly(int characters)
    {
        var drafts = await RepositoryAsync();
        var body = MixedText(characters);
        Assert.Equal(characters, body.EnumerateRunes().Count());
        Assert.Contains("𠮷", body);

        var stored = await drafts.AddNextVersionAsync(New("measures", body));
        var read = await drafts.GetAsync(Key, "measures", stored.Version);

        Assert.Equal(body.Length, read!.Body.Length);
        Assert.True(body == read.Body, "the body read back differs from the one stored");
        var listed = Assert.Single(await drafts.ListAsync(Key));
        Assert.Equal((body.Length, characters), (listed.Length, listed.Characters));
    }

    [Fact]
    public async Task A_body_at_the_limit_made_only_of_characters_outside_the_bmp_round_trips_exactly()
    {
        var drafts = await RepositoryAsync();
        var body = string.Concat(Enumerable.Repeat("𠮷", DraftBody.MaxCharacters));

        var stored = await drafts.AddNextVersionAsync(New("measures", body));

        Assert.True(body == (await drafts.GetAsync(Key, "measures", stored.Version))!.Body, "the body read back differs from the one stored");
    }

    [Fact]
    public async Task A_surrogate_pair_straddling_a_chunk_border_is_kept_whole()
    {
        var drafts = await RepositoryAsync();
        var body = new string('法', ChunkedText.ChunkLength - 1) + "𠮷" + new string('治', ChunkedText.ChunkLength) + "𠮷";

        var stored = await drafts.AddNextVersionAsync(New("duty", body));

        Assert.True(body == (await drafts.GetAsync(Key, "duty", stored.Version))!.Body, "the body read back differs from the one stored");
    }

    [Fact]
    public async Task Concurrent_submissions_of_the_same_part_get_distinct_consecutive_versions()
    {
        var drafts = await RepositoryAsync();
        var stored = await Together.RunAsync(8, i => drafts.AddNextVersionAsync(New("duty", $"第{i}稿。", $"起草人{i}")));

        Assert.Equal(Enumerable.Range(1, 8), stored.Select(d => d.Version).Order());
        foreach (var draft in stored)
        {
            var read = await drafts.GetAsync(Key, "duty", draft.Version);
            Assert.Equal((draft.Author, draft.Body), (read!.Author, read.Body));
        }
    }

    [Fact]
    public async Task Two_hundred_submissions_of_one_part_at_once_from_two_instances_get_versions_1_to_200()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        // Two repositories over one table: two app instances, each taking turns inside itself and racing the other.
        TableDraftRepository[] instances = [new(clients), new(clients)];

        var stored = await Together.RunAsync(200, i => instances[i % 2].AddNextVersionAsync(New("duty", $"第{i}稿。", $"起草人{i}")));

        Assert.Equal(Enumerable.Range(1, 200), stored.Select(d => d.Version).Order());
        var listed = (await instances[0].ListAsync(Key)).ToDictionary(d => d.Version, d => d.Author);
        Assert.Equal(stored.ToDictionary(d => d.Version, d => d.Author).OrderBy(p => p.Key), listed.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_submission_that_cannot_get_its_turn_within_the_budget_is_refused_as_temporarily_unavailable_and_stores_nothing()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        clients.Options.DraftNumberingBudget = TimeSpan.Zero;  // no waiting for a turn at all
        var drafts = new TableDraftRepository(clients);

        var outcomes = await Together.RunAsync(20, async i =>
        {
            try { return (Version: (await drafts.AddNextVersionAsync(New("duty", $"第{i}稿。", $"起草人{i}"))).Version, RetryAfter: (TimeSpan?)null); }
            catch (TemporarilyUnavailableException e) { return (Version: 0, RetryAfter: (TimeSpan?)e.RetryAfter); }
        });

        var stored = outcomes.Where(o => o.Version > 0).Select(o => o.Version).Order().ToList();
        Assert.True(stored.Count < 20, "20 submissions at once never had to wait for a turn");
        Assert.All(outcomes.Where(o => o.Version == 0), o => Assert.True(o.RetryAfter > TimeSpan.Zero));
        Assert.Equal(Enumerable.Range(1, stored.Count), stored);
        Assert.Equal(stored, (await drafts.ListAsync(Key)).Select(d => d.Version).Order());
    }

    [Fact]
    public async Task A_review_is_saved_without_touching_the_text_and_a_stale_etag_is_a_conflict()
    {
        var drafts = await RepositoryAsync();
        var body = MixedText(40_000);
        var stored = await drafts.AddNextVersionAsync(New("duty", body));
        var reviewedAt = SubmittedAt.AddHours(3);

        var reviewed = await drafts.SaveReviewAsync(stored.Review(DraftDecision.Approve, new Caller("kgj-approver", "审核人"), "同意。", reviewedAt));

        var read = (await drafts.GetAsync(Key, "duty", 1))!;
        Assert.Equal((DraftStatus.Approved, "审核人", "kgj-approver", "同意。", reviewedAt),
            (read.Status, read.Reviewer, read.ReviewerId, read.ReviewComment, read.ReviewedAt));
        Assert.True(body == read.Body, "the review changed the text");
        Assert.Equal(reviewed.ETag, read.ETag);
        var listed = Assert.Single(await drafts.ListAsync(Key));
        Assert.Equal(("同意。", 40_000), (listed.ReviewComment, listed.Characters));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            drafts.SaveReviewAsync(stored.Review(DraftDecision.Reject, new Caller("kgj-approver2", "另一人"), null, reviewedAt)));
        Assert.Equal(DraftStatus.Approved, (await drafts.GetAsync(Key, "duty", 1))!.Status);
    }

    [Fact]
    public async Task The_authors_address_recorded_at_submission_survives_the_review()
    {
        var drafts = await RepositoryAsync();
        var stored = await drafts.AddNextVersionAsync(New("duty", "正文。") with { AuthorId = "6f1c2d3e", AuthorEmail = "zhang.san@weidu.example.gov.cn" });

        await drafts.SaveReviewAsync(stored.Review(DraftDecision.Reject, new Caller("kgj-approver", "审核人"), "请修改。", SubmittedAt.AddHours(1)));

        Assert.Equal("zhang.san@weidu.example.gov.cn", (await drafts.GetAsync(Key, "duty", 1))!.AuthorEmail);
    }

    [Fact]
    public async Task A_version_that_was_never_submitted_is_null()
    {
        var drafts = await RepositoryAsync();
        await drafts.AddNextVersionAsync(New("duty", "正文。"));

        Assert.Null(await drafts.GetAsync(Key, "duty", 2));
        Assert.Null(await drafts.GetAsync(Key, "plans", 1));
        Assert.Null(await drafts.GetAsync(new ReportKey(2024, "kgj"), "duty", 1));
    }

    [Fact]
    public async Task Versions_are_numbered_per_part_and_per_report()
    {
        var drafts = await RepositoryAsync();
        await drafts.AddNextVersionAsync(New("plans", "一。"));
        await drafts.AddNextVersionAsync(New("plans", "二。"));
        await drafts.AddNextVersionAsync(New("preamble", "前言。"));

        Assert.Equal(1, (await drafts.AddNextVersionAsync(New("preamble", "前言二。") with { Report = new ReportKey(2023, "sfj") })).Version);
        Assert.Equal(2, (await drafts.AddNextVersionAsync(New("preamble", "前言二。"))).Version);
        Assert.Equal(3, (await drafts.AddNextVersionAsync(New("plans", "三。"))).Version);
    }

    // A submission's one-time id and its version, stored in one transaction; and a withdrawal, written under the draft's ETag.

    [Fact]
    public async Task Posts_with_one_id_racing_from_two_instances_store_exactly_one_version_and_all_answer_with_it()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        TableDraftRepository[] instances = [new(clients), new(clients)];

        var stored = await Together.RunAsync(8, i => instances[i % 2].AddNextVersionOnceAsync(New("duty", "职责的正文。"), "one-click-0001"));

        Assert.Equal(1, stored.Count(s => !s.Repeated));
        Assert.All(stored, s => Assert.Equal(1, s.Draft.Version));
        Assert.Equal([1], (await instances[0].ListAsync(Key)).Select(d => d.Version));
        Assert.Equal(1, (await instances[1].FindSubmissionAsync(Key, "one-click-0001"))!.Version);
        Assert.Null(await instances[1].FindSubmissionAsync(Key, "never-posted-01"));
    }

    [Fact]
    public async Task The_id_records_stay_out_of_the_listings_and_the_numbering()
    {
        var drafts = await RepositoryAsync();
        await drafts.AddNextVersionOnceAsync(New("duty", "第一稿。"), "first-post-id");
        await drafts.AddNextVersionAsync(New("duty", "第二稿。"));

        var third = await drafts.AddNextVersionOnceAsync(New("duty", "第三稿。"), "third-post-id");

        Assert.Equal(3, third.Draft.Version);
        Assert.Equal([1, 2, 3], (await drafts.ListAsync(Key)).Select(d => d.Version).Order());
        Assert.Equal([1, 2, 3], (await drafts.ListYearAsync(2023))["kgj"].Select(d => d.Version).Order());
        Assert.Equal("第三稿。", (await drafts.GetNewestAsync(Key, "duty"))!.Body);
    }

    [Fact]
    public async Task A_withdrawal_is_stored_with_its_time_and_a_stale_one_is_a_conflict()
    {
        var drafts = await RepositoryAsync();
        var stored = await drafts.AddNextVersionAsync(New("duty", "职责的正文。"));
        var at = SubmittedAt.AddHours(1);

        await drafts.SaveWithdrawalAsync(stored.Withdraw(at));

        var read = (await drafts.GetAsync(Key, "duty", 1))!;
        Assert.Equal((DraftStatus.Withdrawn, at, "职责的正文。"), (read.Status, read.WithdrawnAt, read.Body));
        Assert.Equal(at, Assert.Single(await drafts.ListAsync(Key)).WithdrawnAt);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => drafts.SaveWithdrawalAsync(stored.Withdraw(at)));
    }
}
