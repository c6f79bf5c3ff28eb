using Reporting.Azure.Tables;
using Reporting.Core.Errors;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public class TableReportRepositoryTests(AzuriteFixture azurite)
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private static readonly DateTimeOffset T0 = new(2024, 1, 5, 2, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Required = ["preamble", "duty", "measures", "shortcomings", "plans"];

    private async Task<TableReportRepository> RepositoryAsync() => new(await azurite.CreateIsolatedClientsAsync());

    private static Report Complete(ReportKey key)
    {
        var report = new Report(key);
        foreach (var part in Required) report.Approve(part, 1, "审核人", T0);
        return report;
    }

    [Fact]
    public async Task A_report_that_was_never_saved_is_empty_and_has_no_etag()
    {
        var reports = await RepositoryAsync();

        var report = await reports.GetAsync(Key);

        Assert.Null(report.ETag);
        Assert.Empty(report.Approved);
        Assert.Empty(report.Versions);
    }

    [Fact]
    public async Task Approvals_and_pdf_versions_round_trip()
    {
        var reports = await RepositoryAsync();
        var report = Complete(Key);
        report.MarkAssembled(1, "reports/2023/kgj/2023-kgj-v1.pdf", new string('a', 64), 5, T0.AddHours(1));
        report.MarkNotified(1, T0.AddHours(2));
        report.Approve("measures", 2, "另一审核人", T0.AddDays(1));
        await reports.SaveAsync(report);

        var read = await reports.GetAsync(Key);

        Assert.NotNull(read.ETag);
        Assert.Equal(report.Approved.OrderBy(p => p.Section), read.Approved.OrderBy(p => p.Section));
        Assert.Equal(2, read.Versions.Count);
        var (v1, v2) = (read.FindVersion(1)!, read.FindVersion(2)!);
        Assert.Equal(("reports/2023/kgj/2023-kgj-v1.pdf", 5, T0.AddHours(1), T0.AddHours(2)), (v1.BlobName, v1.PageCount, v1.AssembledAt, v1.NotifiedAt));
        Assert.True(v1.HasSameSources(report.FindVersion(1)!.SourceVersions));
        Assert.True(v2.HasSameSources(report.FindVersion(2)!.SourceVersions));
        Assert.Equal(T0.AddDays(1), v2.SignedAt);
        Assert.Equal([2], read.PendingAssemblies.Select(v => v.Version));
        Assert.Equal(ReportStatus.Assembling, read.Status);
    }

    [Fact]
    public async Task Saving_with_a_stale_etag_is_a_conflict_and_leaves_the_winner_in_place()
    {
        var reports = await RepositoryAsync();
        await reports.SaveAsync(new Report(Key));
        var first = await reports.GetAsync(Key);
        var second = await reports.GetAsync(Key);
        first.Approve("duty", 1, "甲", T0);
        await reports.SaveAsync(first);

        second.Approve("plans", 1, "乙", T0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => reports.SaveAsync(second));

        Assert.Equal(["duty"], (await reports.GetAsync(Key)).Approved.Select(p => p.Section));
    }

    [Fact]
    public async Task Two_first_saves_of_the_same_report_conflict()
    {
        var reports = await RepositoryAsync();
        await reports.SaveAsync(new Report(Key));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => reports.SaveAsync(new Report(Key)));
    }

    [Fact]
    public async Task A_long_version_history_round_trips()
    {
        var reports = await RepositoryAsync();
        var report = Complete(Key);
        for (var v = 2; v <= 300; v++)
        {
            report.MarkAssembled(v - 1, $"reports/2023/kgj/2023-kgj-v{v - 1}.pdf", new string('b', 64), v, T0);
            report.Approve("plans", v, "审核人", T0.AddMinutes(v));
        }
        await reports.SaveAsync(report);

        var read = await reports.GetAsync(Key);

        Assert.Equal(Enumerable.Range(1, 300), read.Versions.Select(v => v.Version));
        Assert.Equal(300, read.FindVersion(300)!.SourceVersions["plans"]);
    }

    [Fact]
    public async Task Listing_a_year_returns_every_department_of_that_year_only()
    {
        var reports = await RepositoryAsync();
        await reports.SaveAsync(Complete(new ReportKey(2023, "kgj")));
        await reports.SaveAsync(new Report(new ReportKey(2023, "sfj")));
        await reports.SaveAsync(Complete(new ReportKey(2024, "kgj")));

        var year = await reports.ListYearAsync(2023);

        Assert.Equal([("kgj", true), ("sfj", false)], year.Select(r => (r.Key.Department, r.IsComplete)).Order());
        Assert.All(year, r => Assert.Equal(2023, r.Key.Year));
    }
}
