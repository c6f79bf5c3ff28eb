using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public class ReportTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 5, 1, 0, 0, TimeSpan.Zero);
    private static readonly ReportKey Key = new(2023, "kgj");

    /// <summary>Approves version 1 of every required part except <paramref name="except"/>, an hour apart.</summary>
    private static Report ApproveAllBut(string? except)
    {
        var report = new Report(Key);
        var at = T0;
        foreach (var part in TestWorld.RequiredParts.Where(p => p != except))
            report.Approve(part, 1, "审核人", at = at.AddHours(1));
        return report;
    }

    [Fact]
    public void Approving_the_last_required_part_requests_pdf_version_1_of_exactly_the_approved_versions()
    {
        var report = ApproveAllBut("plans");
        Assert.Equal(ReportStatus.Drafting, report.Status);
        Assert.Equal(["plans"], report.MissingSections);

        var request = report.Approve("plans", 2, "审核人", T0.AddDays(1));

        Assert.NotNull(request);
        Assert.Equal(1, request.Version);
        Assert.Equal(new Dictionary<string, int> { ["preamble"] = 1, ["duty"] = 1, ["measures"] = 1, ["shortcomings"] = 1, ["plans"] = 2 },
            request.SourceVersions.ToDictionary());
        Assert.Equal(T0.AddDays(1), request.SignedAt);
        Assert.False(request.IsAssembled);
        Assert.Equal(ReportStatus.Assembling, report.Status);
        Assert.Empty(report.MissingSections);
    }

    [Fact]
    public void The_signing_date_is_the_latest_approval_even_when_the_last_part_was_approved_earlier_in_time()
    {
        var report = new Report(Key);
        report.Approve("duty", 1, "a", T0.AddDays(3));
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "duty"))
            report.Approve(part, 1, "a", T0);

        Assert.Equal(T0.AddDays(3), Assert.Single(report.Versions).SignedAt);
    }

    [Fact]
    public void Approving_the_same_set_again_requests_nothing()
    {
        var report = ApproveAllBut(null);

        Assert.Null(report.Approve("duty", 1, "审核人", T0.AddDays(2)));
        Assert.Null(report.RequestAssemblyIfDue(T0.AddDays(2)));
        Assert.Single(report.Versions);
    }

    [Fact]
    public void Approving_an_older_version_than_the_approved_one_changes_nothing()
    {
        var report = ApproveAllBut(null);
        report.Approve("duty", 3, "审核人", T0.AddDays(1));

        Assert.Null(report.Approve("duty", 2, "审核人", T0.AddDays(2)));
        Assert.Equal(3, report.Approved.Single(p => p.Section == "duty").Version);
        Assert.Equal(2, report.Versions.Count);
    }

    [Fact]
    public void Approving_a_newer_version_after_assembly_requests_version_2_and_keeps_version_1()
    {
        var report = ApproveAllBut(null);
        report.MarkAssembled(1, "reports/v1.pdf", "aa", 4, T0.AddDays(1));
        Assert.Equal(ReportStatus.Assembled, report.Status);

        var request = report.Approve("measures", 2, "审核人", T0.AddDays(2));

        Assert.NotNull(request);
        Assert.Equal(2, request.Version);
        Assert.Equal(2, request.SourceVersions["measures"]);
        Assert.Equal(ReportStatus.Assembling, report.Status);
        var v1 = report.FindVersion(1)!;
        Assert.Equal(("reports/v1.pdf", "aa", 4), (v1.BlobName, v1.Sha256, v1.PageCount));
        Assert.Equal(1, v1.SourceVersions["measures"]);
        Assert.Equal(v1, report.NewestAssembled);
        Assert.Equal([2], report.PendingAssemblies.Select(v => v.Version));
    }

    [Fact]
    public void The_optional_other_part_is_not_required_but_approving_it_later_makes_a_new_version()
    {
        var report = ApproveAllBut(null);
        Assert.True(report.IsComplete);
        Assert.DoesNotContain("other", Assert.Single(report.Versions).SourceVersions.Keys);

        var request = report.Approve("other", 1, "审核人", T0.AddDays(1));

        Assert.Equal(2, request?.Version);
        Assert.Equal(1, request!.SourceVersions["other"]);
    }

    [Fact]
    public void Approving_only_the_optional_part_requests_nothing()
    {
        var report = new Report(Key);

        Assert.Null(report.Approve("other", 1, "审核人", T0));
        Assert.Equal(ReportStatus.Drafting, report.Status);
        Assert.Equal(TestWorld.RequiredParts, report.MissingSections);
    }

    [Fact]
    public void Pending_assemblies_are_the_requests_not_yet_stored_as_pdfs()
    {
        var report = ApproveAllBut(null);
        report.Approve("duty", 2, "审核人", T0.AddDays(1));
        Assert.Equal([1, 2], report.PendingAssemblies.Select(v => v.Version));

        report.MarkAssembled(1, "reports/v1.pdf", "aa", 4, T0.AddDays(2));

        Assert.Equal([2], report.PendingAssemblies.Select(v => v.Version));
    }

    [Fact]
    public void Marking_a_version_assembled_twice_keeps_the_first_pdfs_facts()
    {
        var report = ApproveAllBut(null);
        var first = report.MarkAssembled(1, "reports/v1.pdf", "aa", 4, T0.AddDays(1));

        var second = report.MarkAssembled(1, "reports/other.pdf", "bb", 9, T0.AddDays(2));

        Assert.Equal(first, second);
        Assert.Equal(first, report.FindVersion(1));
        Assert.Equal(T0.AddDays(1), first.AssembledAt);
    }

    [Fact]
    public void Marking_a_version_notified_twice_keeps_the_first_time()
    {
        var report = ApproveAllBut(null);
        report.MarkAssembled(1, "reports/v1.pdf", "aa", 4, T0.AddDays(1));
        report.MarkNotified(1, T0.AddDays(2));

        var again = report.MarkNotified(1, T0.AddDays(3));

        Assert.Equal(T0.AddDays(2), again.NotifiedAt);
        Assert.Equal(T0.AddDays(2), report.FindVersion(1)!.NotifiedAt);
    }

    [Fact]
    public void Marking_a_version_the_report_does_not_have_throws()
    {
        var report = ApproveAllBut(null);

        Assert.Throws<InvalidOperationException>(() => report.MarkAssembled(2, "x/y.pdf", "aa", 1, T0));
        Assert.Throws<InvalidOperationException>(() => report.MarkNotified(2, T0));
    }

    [Fact]
    public void A_report_rebuilt_from_stored_state_numbers_the_next_pdf_after_the_highest_version()
    {
        var stored = ApproveAllBut(null);
        stored.MarkAssembled(1, "reports/v1.pdf", "aa", 4, T0.AddDays(1));
        var rebuilt = new Report(Key, stored.Approved, stored.Versions.Reverse(), "etag");

        Assert.Equal(2, rebuilt.Approve("plans", 2, "审核人", T0.AddDays(2))?.Version);
        Assert.Equal("etag", rebuilt.ETag);
    }
}
