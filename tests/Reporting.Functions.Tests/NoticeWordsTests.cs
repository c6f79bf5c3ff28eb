using System.Net;
using System.Net.Sockets;
using Reporting.Functions.Pages;
using Reporting.Functions.ReadModels;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>A notice's failure as the 本部门报告 page words it, from the errors the senders really throw.</summary>
public sealed class NoticeWordsTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>As the outbox records it (OnceOnlyDelivery): "ExceptionType: message".</summary>
    private static string Recorded(Exception e) => $"{e.GetType().Name}: {e.Message}";

    private static Exception Thrown(Action action)
    {
        try { action(); }
        catch (Exception e) { return e; }
        throw new InvalidOperationException("nothing was thrown");
    }

    [Fact]
    public void An_smtp_server_that_refuses_connections_reads_as_cannot_connect_to_the_mail_server()
    {
        var error = Recorded(new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal("无法连接邮件服务器", Words.NoticeFailure("email", error));
    }

    [Fact]
    public void A_webhook_answering_500_names_the_status_code_and_a_refused_webhook_connection_does_not()
    {
        using var answer = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        Assert.Equal("推送地址返回错误（状态码 500）", Words.NoticeFailure("webhook", Recorded(Thrown(() => answer.EnsureSuccessStatusCode()))));
        // A refused connection names the address and port (127.0.0.1:5000), which is no status code.
        var refused = new HttpRequestException("Connection refused (127.0.0.1:5000)", new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal("无法连接推送地址", Words.NoticeFailure("webhook", Recorded(refused)));
    }

    [Fact]
    public void A_timeout_and_an_unknown_error_read_in_chinese_without_the_exception_text()
    {
        Assert.Equal("推送地址响应超时",
            Words.NoticeFailure("webhook",
                Recorded(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing."))));
        var unknown = Words.NoticeFailure("email", "staged: the retry message was lost");
        Assert.DoesNotContain("staged", unknown);
        Assert.Equal("原因不明，请联系系统管理员查看日志", unknown);
    }

    [Fact]
    public void A_failing_channel_states_its_attempts_and_next_attempt_in_beijing_time()
    {
        var next = new DateTimeOffset(2026, 11, 27, 12, 5, 0, TimeSpan.Zero);
        var channel = new NotificationChannelView("email", "retrying", 3, Recorded(new SocketException((int)SocketError.ConnectionRefused)),
            next.AddMinutes(-2), next, null);
        Assert.Equal("发送失败：无法连接邮件服务器。已尝试 3 次，将于 2026-11-27 20:05（北京时间）再次尝试", Words.NoticeState(channel, Beijing));
        Assert.Equal("邮件", Words.NoticeChannel("email"));
        Assert.Equal("推送", Words.NoticeChannel("webhook"));
    }
}
