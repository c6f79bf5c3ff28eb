using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Reporting.Core.Calendar;
using Reporting.Functions.Functions;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Report year 2020 walked from 2021-01-01 to 2021-04-30 at 09:00 Beijing time on a test clock (the host's
/// TimeProvider), firing the DeadlineReminders timer's function directly each day (twice on the days it has work).
/// A fixture of its own: every claim and due time in the outbox is on the test clock, which the shared host's real
/// clock would read as long lapsed and take over. The timers that would fire on the test clock's schedule (the
/// calendar run, the year-end run) are set to a date the walk never reaches, so each day's notices come from the
/// firings here alone; the sweep runs as usual.
/// </summary>
public sealed class CalendarWalkTests(ITestOutputHelper output)
{
    private const int Year = 2020;
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset NineOClock(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

    [Fact]
    public async Task A_year_walked_day_by_day_sends_each_reminder_and_overdue_list_once_on_its_day_and_nothing_else()
    {
        var clock = new ManualClock(NineOClock(new DateOnly(2021, 1, 1)));
        var env = new LocalHostFixture
        {
            HostSettings = new Dictionary<string, string?>
            {
                [Reporting.Functions.AppSettingNames.DeadlineReminderSchedule] = "0 0 0 1 1 *",
                [Reporting.Functions.AppSettingNames.YearEndSchedule] = "0 0 0 1 1 *",
            },
            HostServices = services => services.AddSingleton<TimeProvider>(clock),
        };
        try
        {
            await env.InitializeAsync();
            var departments = (Reporting.Core.Directory.DistrictDirectory)env.Host.Services.GetService(typeof(Reporting.Core.Directory.DistrictDirectory))!;
            var others = departments.Departments.Select(d => d.Code).Where(c => c is not ("kgj" or "fgw" or "jyj" or "mzj")).ToList();

            // kgj finished; fgw lacks 四、; jyj's 一、 sent back; mzj's 四、 awaits review (approved on 2021-02-20).
            await env.SubmitFixtureAsync(Year, "kgj");
            foreach (var section in FixtureReport.RequiredSections[..^1])
                await env.ApproveOkAsync(Year, "fgw", section, await env.SubmitOkAsync(Year, "fgw", section, FixtureReport.Parts[section]));
            var jyj = await env.SubmitFixtureAsync(Year, "jyj", approve: false);
            foreach (var section in FixtureReport.RequiredSections.Where(s => s != "duty")) await env.ApproveOkAsync(Year, "jyj", section, jyj[section]);
            using (var rejected = await env.DecideAsync(Year, "jyj", "duty", jyj["duty"], "reject", comment: "请补充主要负责人履职的具体事例。")) Assert.True(
                rejected.IsSuccessStatusCode);
            var mzj = await env.SubmitFixtureAsync(Year, "mzj", approve: false);
            foreach (var section in FixtureReport.RequiredSections[..^1]) await env.ApproveOkAsync(Year, "mzj", section, mzj[section]);
            await env.WaitForQueuesToDrainAsync();
            // The review digests the setup's submissions left go out whenever the sweep (every two seconds) first sees the walked
            // clock past their window, on a day that depends on the machine's speed: the walk pins the calendar's e-mails only.
            static bool CalendarMail(MimeMessage mail) => mail.Headers["X-Notice-Kind"] != "review.awaited";
            var before = env.Smtp.Messages.Count(CalendarMail);

            var function = ActivatorUtilities.CreateInstance<DeadlineFunctions>(env.Host.Services);
            var walk = new List<(DateOnly Day, MimeMessage Mail)>();
            var fired = 0;
            var busyRuns = new List<double>();
            for (var day = new DateOnly(2021, 1, 1); day <= new DateOnly(2021, 4, 30); day = day.AddDays(1))
            {
                clock.Now = NineOClock(day);
                if (day == new DateOnly(2021, 2, 20)) await env.ApproveOkAsync(Year, "mzj", "plans", mzj["plans"]);
                var seen = env.Smtp.Messages.Count;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var first = await function.RunAsync();
                if (first.Duty != CalendarDuty.None) busyRuns.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var second = await function.RunAsync();
                fired += 2;
                Assert.Equal(day, first.Day);
                Assert.Empty(second.Registered);
                Assert.Equal(first.Registered, second.AlreadyRegistered);
                if (first.Duty != CalendarDuty.None || day == new DateOnly(2021, 2, 20))
                {
                    await env.WaitForQueuesToDrainAsync();
                    // A third firing after everything was sent: nothing new is queued or sent.
                    if (day.Day == 22 || day == new DateOnly(2021, 3, 15))
                    {
                        var sent = env.Smtp.Messages.Count(CalendarMail);
                        Assert.Empty((await function.RunAsync()).Registered);
                        fired++;
                        await env.WaitForQueuesToDrainAsync();
                        Assert.Equal(sent, env.Smtp.Messages.Count(CalendarMail));
                    }
                }
                walk.AddRange(env.Smtp.Messages.Skip(seen).Where(CalendarMail).Select(m => (day, m)));
            }

            var lines = walk.Select(w => $"{w.Day:yyyy-MM-dd}  to {string.Join(", ", w.Mail.To.Mailboxes.Select(m => m.Address))}  {w.Mail.Subject}").ToList();
            var file = Path.Combine(RepoPaths.Root, ".local", "calendar-walk.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file,
                $"Report year {Year}, walked 2021-01-01..2021-04-30 at 09:00 Beijing time, {fired} firings, {walk.Count} e-mails; a run with work (24 "
                    + $"departments read, notices registered and queued) took median {busyRuns.Order().ElementAt(busyRuns.Count / 2):0} ms, max "
                        + $"{busyRuns.Max():0} ms\n" + string.Join("\n", lines) + "\n", new UTF8Encoding(false));
            output.WriteLine($"{fired} firings, {walk.Count} e-mails; written to {file}");

            // Exactly these e-mails on exactly these days, each to the department's members or the district office.
            static string Members(string code) => $"{code}-author@localhost, {code}-approver@localhost, {code}-approver2@localhost";
            var expected = new List<string>();
            foreach (var (day, unfinished) in new[]
            {
                ("2021-02-15", new[] { "fgw", "jyj", "mzj" }),
                ("2021-02-22", new[] { "fgw", "jyj" }),
                ("2021-02-26", new[] { "fgw", "jyj" }),
                ("2021-02-28", new[] { "fgw", "jyj" }),
            })
            {
                if (day == "2021-02-22") expected.Add($"2021-02-20 {departments.Office.Email} report.ready {Year}-mzj-v1");
                // The part approved that day: its author is told at once (已通过).
                if (day == "2021-02-22") expected.Add($"2021-02-20 mzj-author@localhost draft.approved {Year}-mzj-approved-plans-v{mzj["plans"]}");
                // The report it completed: its PDF is made, and its author is told (报告已生成).
                if (day == "2021-02-22") expected.Add($"2021-02-20 mzj-author@localhost report.made {Year}-mzj-made-v1-mzj-author");
                foreach (var code in departments.Departments.Select(d => d.Code).Where(c => unfinished.Contains(c) || others.Contains(c)))
                    expected.Add($"{day} {Members(code)} deadline.reminder {Year}-{code}-reminder-{day}");
            }
            for (var day = new DateOnly(2021, 3, 2); day <= new DateOnly(2021, 4, 1); day = day.AddDays(1))
                expected.Add($"{day:yyyy-MM-dd} {departments.Office.Email} deadline.overdue {Year}-overdue-{day:yyyy-MM-dd}");
            var actual = walk.Select(w =>
                $"{w.Day:yyyy-MM-dd} {string.Join(", ", w.Mail.To.Mailboxes.Select(m => m.Address))} {w.Mail.Headers["X-Notice-Kind"]} "
                    + $"{w.Mail.Headers["X-Report-Key"]}")
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Order(StringComparer.Ordinal).ToList(), actual);
            Assert.Equal(before + walk.Count, env.Smtp.Messages.Count(CalendarMail));

            // What a reminder and the overdue list say, in Chinese, naming each lacking part by its heading and state.
            var reminder = walk.Single(w => w.Mail.Headers["X-Report-Key"] == $"{Year}-jyj-reminder-2021-02-22").Mail;
            Assert.Equal("【催报提醒】魏都区教育局 2020年度法治政府建设情况报告 距报送截止（2021年3月1日）还有 7 天", reminder.Subject);
            Assert.Contains("一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", reminder.TextBody);
            Assert.Contains("已退回（第 1 版，审核意见：请补充主要负责人履职的具体事例。）", reminder.TextBody);
            Assert.DoesNotContain("jyj", (reminder.TextBody ?? "").Replace($"/{Year}/jyj", "", StringComparison.Ordinal)
                .Replace("department=jyj", "", StringComparison.Ordinal), StringComparison.Ordinal);
            var overdue = walk.Single(w => w.Mail.Headers["X-Report-Key"] == $"{Year}-overdue-2021-03-15").Mail;
            Assert.Equal($"【逾期名单】魏都区2020年度法治政府建设情况报告：截至 2021年3月15日，{2 + others.Count} 个部门逾期未完成（已逾期 14 天）", overdue.Subject);
            Assert.Contains("魏都区发展和改革委员会（1 个部分）：", overdue.TextBody);
            Assert.DoesNotContain("魏都区科学技术和工业信息化局", overdue.TextBody);
            Assert.DoesNotContain("魏都区民政局", overdue.TextBody);
            Assert.Contains($"尚未提交任何部分的部门（{others.Count} 个）：", overdue.TextBody);
            MailSamples.Save("deadline-reminder", reminder);
            MailSamples.Save("deadline-overdue", overdue);

            // The webhook had the same notices, typed.
            Assert.Equal(31, env.Webhook.Accepted.Count(e => e.GetProperty("type").GetString() == "deadline.overdue"));
            Assert.Equal(3 * (2 + others.Count) + 3 + others.Count, env.Webhook.Accepted.Count(e => e.GetProperty("type").GetString() == "deadline.reminder"));
        }
        finally
        {
            await env.DisposeAsync();
        }
    }
}
