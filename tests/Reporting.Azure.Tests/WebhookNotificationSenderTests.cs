using System.Net;
using System.Text.Json;
using Reporting.Azure.Notifications;
using Reporting.Core.Notices;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The webhook channel against a real HTTP listener on 127.0.0.1.</summary>
public sealed class WebhookNotificationSenderTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _url;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public WebhookNotificationSenderTests()
    {
        _url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/hook/");
        _listener.Prefixes.Add(_url.ToString());
        _listener.Start();
    }

    private static readonly ComposedNotice Notice = new(new Notice.ReportReady(new NotificationMessage.ReportReady(2023, "kgj", 2), "fzb@weidu.example.gov.cn",
        new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero),
        new NoticePdf("reports/2023/kgj/2023-kgj-v2.pdf", "报告.pdf", 7, new string('d', 64), 1000, new Uri("http://127.0.0.1/x.pdf?sig=1"),
            new DateTimeOffset(2024, 1, 12, 0, 0, 0, TimeSpan.Zero)), Ofd: null), "主题", "正文");

    private WebhookNotificationSender Sender(Uri? url) => new(_http, new WebhookOptions { Url = url }, AzuriteCollection.Directory);

    /// <summary>Answers the next request with <paramref name="status"/> and returns its method and body.</summary>
    private async Task<(string Method, string Body)> AnswerNextAsync(HttpStatusCode status)
    {
        var context = await _listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return (context.Request.HttpMethod, body);
    }

    [Fact]
    public async Task The_notice_is_posted_as_json_with_department_version_pages_and_link()
    {
        var answered = AnswerNextAsync(HttpStatusCode.NoContent);

        await Sender(_url).SendAsync(Notice);

        var (method, body) = await answered;
        Assert.Equal("POST", method);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(("report.ready", "2023-kgj-v2", "kgj", "魏都区科学技术和工业信息化局"),
            (json.GetProperty("type").GetString(), json.GetProperty("key").GetString(), json.GetProperty("department").GetString(),
                json.GetProperty("departmentName").GetString()));
        Assert.Equal((2023, 2, 7), (json.GetProperty("year").GetInt32(), json.GetProperty("version").GetInt32(), json.GetProperty("pageCount").GetInt32()));
        Assert.Equal("http://127.0.0.1/x.pdf?sig=1", json.GetProperty("downloadUrl").GetString());
    }

    [Fact]
    public async Task A_rejection_is_posted_as_draft_rejected_with_department_part_reviewer_and_comment()
    {
        var answered = AnswerNextAsync(HttpStatusCode.NoContent);
        var rejection = new ComposedNotice(new Notice.DraftRejected(new NotificationMessage.DraftRejected(2023, "kgj", "duty", 3), null,
            DateTimeOffset.UnixEpoch, new DraftRejection("duty", "科工局起草人", "科工局审核人", "请补充数据。")), "退回", "正文");

        await Sender(_url).SendAsync(rejection);

        var json = JsonDocument.Parse((await answered).Body).RootElement;
        Assert.Equal(("draft.rejected", "2023-kgj-duty-v3-rejected", "kgj", "魏都区科学技术和工业信息化局"),
            (json.GetProperty("type").GetString(), json.GetProperty("key").GetString(), json.GetProperty("department").GetString(),
                json.GetProperty("departmentName").GetString()));
        Assert.Equal(("duty", "科工局审核人", "请补充数据。", 3), (json.GetProperty("section").GetString(), json.GetProperty("reviewer").GetString(),
            json.GetProperty("comment").GetString(), json.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task A_failing_webhook_throws_so_the_delivery_is_retried()
    {
        var answered = AnswerNextAsync(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender(_url).SendAsync(Notice));
        await answered;
    }

    [Fact]
    public void Without_a_url_the_channel_is_not_configured()
    {
        Assert.False(((INotificationSender)Sender(null)).IsConfigured);
        Assert.True(((INotificationSender)Sender(_url)).IsConfigured);
    }

    public void Dispose()
    {
        _listener.Close();
        _http.Dispose();
    }
}
