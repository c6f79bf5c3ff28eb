using Reporting.Core;
using Reporting.Core.Notices;
using Reporting.Functions.Http;
using Reporting.Functions.Notices;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>
/// Every kind of the closed notice family has its own composer case: one sample per kind, each worded as its kind with
/// the facts a reader needs; a kind added to Core without a sample here (and so likely without its case) fails.
/// </summary>
public sealed class NoticeKindCompositionTests
{
    private static readonly DateTimeOffset At = new(2024, 1, 5, 2, 5, 0, TimeSpan.Zero);
    private const string Office = "fzb@weidu.example.gov.cn";

    private static NoticeComposer Composer => new(NoticeComposerTests.Directory, new Routes("api"), new PublicLinks(NoticeComposerTests.Base),
        new NoticeOptions(), new ReportingOptions(), null!);

    private static NoticePdf Pdf(string name, int pages) =>
        new(name, "文件.pdf", pages, new string('a', 64), 1000, new Uri("https://st.blob.core.windows.net/" + name + "?sig=x"), At + TimeSpan.FromDays(7));

    private static readonly DepartmentLack Kgj = new("kgj", [new LackingPart("duty", LackState.Rejected, 2, "请补充。")]);

    /// <summary>One notice of each kind, with the subject's opening tag and facts its subject and body must carry.</summary>
    public static TheoryData<Notice, string, string[]> Samples => new()
    {
        {
            new Notice.ReportReady(new(2023, "kgj", 2), Office, At, Pdf("reports/2023/kgj/2023-kgj-v2.pdf", 12), Ofd: null) { PreviousVersion = 1 },
            "【法治政府建设报告】", ["魏都区科学技术和工业信息化局2023年度报告第2版已生成", "共 12 页", "与第1版相比"]
        },
        {
            new Notice.VolumeReady(new(2023, 1), Office, At, Pdf("reports/2023/volume/2023-volume-v1.pdf", 40), Ofd: null,
                new VolumeContents(new Dictionary<string, int> { ["kgj"] = 2 }, new Dictionary<string, string[]> { ["sfj"] = ["duty"] })),
            "【法治政府建设报告】", ["报告汇编第1版已生成", "1 个部门已完成，1 个部门未完成", "共 40 页"]
        },
        {
            new Notice.DraftRejected(new(2023, "kgj", "duty", 3), "kgj-author@localhost", At, new DraftRejection("duty", "起草人", "审核人", "请核实。")),
            "【退回通知】", ["（第3版）已退回", "退回人：审核人", "请核实。"]
        },
        {
            new Notice.DeadlineReminder(new(2024, "kgj", new DateOnly(2025, 2, 22)), "kgj-author@members.test", At,
                new DeadlineFacts(new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 22)), Kgj),
            "【催报提醒】", ["还有 7 天", "已退回（第 2 版，审核意见：请补充。）"]
        },
        {
            new Notice.OverdueList(new(2024, new DateOnly(2025, 3, 2)), Office, At,
                new DeadlineFacts(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)), [Kgj]),
            "【逾期名单】", ["1 个部门逾期未完成（已逾期 1 天）", "魏都区科学技术和工业信息化局（1 个部分）"]
        },
        {
            new Notice.ReportChased(new(2024, "kgj", "a1b2c3d4e5"), "kgj-author@members.test", At,
                new DeadlineFacts(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 4)), Kgj, "王五", "请本周内完成。"),
            "【催报】", ["（王五）于 2025年3月4日催报", "已逾期 3 天", "请本周内完成。"]
        },
        {
            new Notice.ReviewAwaited(new(2023, "kgj", "kgj-approver", "202401050205"), "kgj-approver@members.test", At,
                [new PendingDraft("duty", 2, "科工局起草人", At)]),
            "待您审核：", ["2023 年魏都区科工局“一、", "”第 2 版（科工局起草人提交）", "审核："]
        },
        {
            new Notice.DraftApproved(new(2023, "kgj", "duty", 2), "kgj-author@localhost", At, new DraftApproval("duty", "起草人", "审核人", null)),
            "已通过：", ["2023 年魏都区科工局“一、", "”第 2 版", "审核人：审核人"]
        },
        {
            new Notice.ReportMade(new(2023, "kgj", 2, "kgj-author"), "kgj-author@localhost", At, "起草人", 5, ["duty", "plans"]),
            "【报告已生成】", ["魏都区科学技术和工业信息化局 2023年度法治政府建设情况的报告（第2版）", "起草人：", "共 5 页", "  · 一、", "本部门报告", "下载 PDF"]
        },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_kind_is_worded_by_its_own_case_with_its_key_facts(Notice notice, string tag, string[] facts)
    {
        var mail = await Composer.ComposeAsync(notice);

        Assert.Same(notice, mail.Fact);
        Assert.StartsWith(tag, mail.Subject);
        foreach (var fact in facts) Assert.Contains(fact, mail.Subject + "\n" + mail.Text);
        Assert.EndsWith("此邮件由魏都区法治政府建设报告系统自动发送，请勿直接回复。\n", mail.Text);
    }

    [Fact]
    public void The_samples_cover_every_kind_of_the_family()
    {
        var kinds = typeof(Notice).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(Notice)) && !t.IsAbstract).Select(t => t.Name).Order();
        var sampled = Samples.Select(row => row[0].GetType().Name).Order();

        Assert.Equal(
            ["DeadlineReminder", "DraftApproved", "DraftRejected", "OverdueList", "ReportChased", "ReportMade", "ReportReady", "ReviewAwaited", "VolumeReady"],
            kinds);
        Assert.Equal(kinds, sampled);
    }
}
