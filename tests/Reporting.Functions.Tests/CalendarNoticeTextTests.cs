using System.Text.RegularExpressions;
using Reporting.Core;
using Reporting.Core.Notices;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The words of the calendar's notices (催报提醒, 催报, 逾期名单), from facts alone.</summary>
public sealed class CalendarNoticeTextTests
{
    private const string Base = NoticeComposerTests.Base;
    private static readonly DateOnly Deadline = new(2025, 3, 1);

    private static NoticeComposer Composer => new(NoticeComposerTests.Directory, new Routes("api"), new PublicLinks(Base), new NoticeOptions(),
        new ReportingOptions(), null!);

    private static readonly DepartmentLack Kgj = new("kgj",
    [
        new LackingPart("preamble", LackState.NotSubmitted),
        new LackingPart("duty", LackState.Rejected, 2, "请补充述法情况。\n另附数据。"),
        new LackingPart("measures", LackState.AwaitingReview, 3),
    ]);

    private static readonly DepartmentLack NothingAtAll =
        new("mzj", Reporting.Core.Templates.ReportTemplate.RequiredSections.Select(s => new LackingPart(s.Key, LackState.NotSubmitted)).ToList());

    private const string To = "kgj-author@members.test";

    private static DeadlineFacts Due(DateOnly day) => new(Deadline, day);

    private static IEnumerable<string> Prose(string text) => text.Split('\n').Where(line => !line.Contains("http", StringComparison.Ordinal));

    [Fact]
    public async Task A_reminder_names_the_deadline_days_left_and_each_part_with_its_state_and_the_page_that_fixes_it()
    {
        var day = new DateOnly(2025, 2, 22);
        var mail = await Composer.ComposeAsync(new Notice.DeadlineReminder(new(2024, "kgj", day), To, DateTimeOffset.UnixEpoch, Due(day), Kgj));

        Assert.Equal("【催报提醒】魏都区科工局 2024年度法治政府建设情况报告 距报送截止（2025年3月1日）还有 7 天", mail.Subject);
        Assert.Contains("应于 2025年3月1日前报送魏都区法治政府建设领导小组办公室，距截止还有 7 天。截至 2025年2月22日，以下 3 个必填部分尚未审核通过：", mail.Text);
        Assert.Contains("  · 开头部分（“一、”之前）\n    未提交\n    请起草人撰写并提交：" + Base + "/api/form?year=2024&department=kgj&section=preamble\n", mail.Text);
        Assert.Contains("    已退回（第 2 版，审核意见：请补充述法情况。 另附数据。）\n    请起草人按审核意见修改后重新提交：" + Base
            + "/api/draft?year=2024&department=kgj&section=duty&version=2\n", mail.Text);
        Assert.Contains("  · 二、推进法治政府建设的主要举措和成效\n    待审核（第 3 版）\n    请审核人审核：" + Base + "/api/review?year=2024&department=kgj&section=measures&version=3\n",
            mail.Text);
        Assert.Contains(Base + "/api/todo?year=2024\n", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}"));
    }

    [Fact]
    public async Task A_chase_says_who_at_the_office_sent_it_with_their_words_and_how_late_it_is()
    {
        var day = new DateOnly(2025, 3, 4);
        var mail = await Composer.ComposeAsync(
            new Notice.ReportChased(new(2024, "kgj", "a1b2c3d4e5"), To, DateTimeOffset.UnixEpoch, Due(day), Kgj, "王五", "请本周内完成。"));

        Assert.Equal("【催报】魏都区法治政府建设领导小组办公室催报：魏都区科工局 2024年度法治政府建设情况报告尚未完成，已逾期 3 天，请尽快报送", mail.Subject);
        Assert.Contains("魏都区法治政府建设领导小组办公室（王五）于 2025年3月4日催报：", mail.Text);
        Assert.Contains("报送截止日期 2025年3月1日已过 3 天。", mail.Text);
        Assert.Contains("附言：\n  请本周内完成。\n", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}"));
    }

    [Fact]
    public async Task The_overdue_list_gives_each_department_s_missing_parts_and_the_empty_ones_on_one_line_with_the_overview_link()
    {
        var day = new DateOnly(2025, 3, 2);
        var mail = await Composer.ComposeAsync(new Notice.OverdueList(new(2024, day), To, DateTimeOffset.UnixEpoch, Due(day), [Kgj, NothingAtAll]));

        Assert.Equal("【逾期名单】魏都区2024年度法治政府建设情况报告：截至 2025年3月2日，2 个部门逾期未完成（已逾期 1 天）", mail.Subject);
        Assert.Contains("魏都区科学技术和工业信息化局（3 个部分）：\n  · 开头部分（“一、”之前）：未提交\n", mail.Text);
        Assert.Contains("尚未提交任何部分的部门（1 个）：\n  · 魏都区民政局\n", mail.Text);
        Assert.DoesNotContain("魏都区民政局（", mail.Text);
        Assert.Contains(Base + "/api/overview?year=2024\n", mail.Text);
        Assert.DoesNotContain(Prose(mail.Text), line => Regex.IsMatch(line, "[A-Za-z]{3}"));
    }
}
