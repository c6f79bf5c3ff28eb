using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Drafts;
using Reporting.Core.Templates;

using Reporting.Functions.ReadModels;
using Reporting.Functions.Wording;
using Reporting.Typesetting;

namespace Reporting.Functions.Pages;

/// <summary>
/// The words people read on a page for what the API names by code: departments by their directory name, parts by
/// their heading, statuses by the words of an OA system. Pages ask here and never print a code.
/// </summary>
public sealed class Words(DistrictDirectory directory)
{
    public const string NotSubmitted = "未提交";
    public const string Pending = "待审核";
    public const string Rejected = "已退回";
    public const string Approved = "已通过";
    public const string Withdrawn = "已撤回";

    public string Department(string code) => directory.Find(code)?.Name ?? "未知部门";

    /// <summary>开头部分, or the part's full heading (一、党政主要负责人…), as the documents word it.</summary>
    public static string Part(ReportSection section) =>
        section.Numbered ? DocumentWords.Heading(section) : $"开头部分（“{DocumentWords.HeadingNumeral(ReportTemplate.Duty)}”之前）";

    public static string Part(string key) => ReportTemplate.Find(key) is { } section ? Part(section) : "未知部分";

    /// <summary>The part's short name (开头部分, 第一部分 …), as the documents word it; a key no part has: 未知部分.</summary>
    public static string ShortPart(string? key) => ReportTemplate.Find(key) is { } section ? DocumentWords.PartShortName(section) : "未知部分";

    public static string Status(DraftStatus status) => status switch
    {
        DraftStatus.Submitted => Pending,
        DraftStatus.Approved => Approved,
        DraftStatus.Withdrawn => Withdrawn,
        _ => Rejected,
    };

    /// <summary>The API's lowercase status code (submitted, approved, rejected, withdrawn) in words.</summary>
    public static string Status(string code) => Enum.TryParse<DraftStatus>(code, ignoreCase: true, out var status) ? Status(status) : NotSubmitted;

    /// <summary>Beijing time, as people in the district read a clock.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm") + "（北京时间）";

    /// <summary>The report's status code (drafting, reviewing, assembling, assembled) in words.</summary>
    public static string ReportState(string code) => code switch
    {
        "drafting" => "撰写中（尚有必填部分未通过）",
        "reviewing" => "待审核（有新版本等待审核）",
        "assembling" => "正在生成 PDF",
        "assembled" => "已生成 PDF",
        _ => "未知",
    };

    /// <summary>A notice's channel (email, webhook) by the name the district office knows.</summary>
    public static string NoticeChannel(string channel) => channel switch
    {
        "email" => "邮件",
        "webhook" => "推送",
        _ => "其他渠道",
    };

    /// <summary>Where one channel of a notice stands: sent when, or why it failed, how often, and when it is tried next.</summary>
    public static string NoticeState(NotificationChannelView channel, TimeZoneInfo zone) => channel.Status switch
    {
        "sent" => $"已于 {Time(channel.SentAt!.Value, zone)}送达",
        "sending" => $"正在发送（第 {channel.Attempts + 1} 次尝试）",
        "retrying" => $"发送失败：{NoticeFailure(channel.Channel, channel.LastError)}。已尝试 {channel.Attempts} 次，"
            + (channel.NextAttemptAt is { } next ? $"将于 {Time(next, zone)}再次尝试" : "稍后再次尝试"),
        _ => "等待发送",
    };

    /// <summary>
    /// The outbox keeps a channel's last error as "ExceptionType: message" (in English, for whoever reads the logs);
    /// people read the cause in Chinese.
    /// </summary>
    public static string NoticeFailure(string channel, string? lastError)
    {
        var type = (lastError ?? "").Split(':', 2)[0].Trim();
        var server = channel == "email" ? "邮件服务器" : "推送地址";
        // HttpClient's wording for an answer that is not a success ("… does not indicate success: 500 (Internal Server Error)").
        var status = System.Text.RegularExpressions.Regex.Match(lastError ?? "", @"success: ([1-5][0-9]{2})\b");
        return type switch
        {
            "SocketException" => $"无法连接{server}",
            "HttpRequestException" when status.Success => $"{server}返回错误（状态码 {status.Groups[1].Value}）",
            "HttpRequestException" => $"无法连接{server}",
            "TaskCanceledException" or "OperationCanceledException" or "TimeoutException" => $"{server}响应超时",
            "AuthenticationException" => "邮件服务器拒绝登录（用户名或密码有误）",
            "SmtpCommandException" => "邮件服务器拒收了这封邮件",
            "SslHandshakeException" => $"与{server}建立加密连接失败",
            "SmtpProtocolException" or "IOException" => $"与{server}的连接意外中断",
            _ => "原因不明，请联系系统管理员查看日志",
        };
    }

    /// <summary>Who is signed in, so nobody acts under the wrong name without noticing (a name that is the role itself is said once).</summary>
    public string Who(Caller caller, Membership? member) => member is null
        ? $"{caller.Name}（尚未分配部门和角色）"
        : (member.Department is null ? "" : Department(member.Department)) + RoleWords.Name(member.Role) is var place && place == caller.Name
            ? caller.Name
            : $"{caller.Name}（{place}）";

    /// <summary>A calendar day as people write it: 2025年3月1日.</summary>
    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>
    /// The line every page carries: the year's submission deadline and how far away it is; once the year's cycle has
    /// ended (<paramref name="cycleOver"/>: its publication deadline passed) the count of days says nothing any more.
    /// </summary>
    public static string SubmissionDeadline(int year, DateOnly deadline, int daysLeft, bool cycleOver) => $"{year} 年度报告报送截止：{Date(deadline)}" + daysLeft switch
    {
        > 0 => $"，还有 {daysLeft} 天",
        0 => "，今天截止",
        _ when cycleOver => "，已截止",
        _ => $"，已过 {-daysLeft} 天",
    };
}
