using MimeKit;
using Reporting.Azure.Blobs;
using Reporting.Azure.Notifications;
using Reporting.Azure.Queues;
using Reporting.Azure.Storage;
using Reporting.Azure.Tables;
using Reporting.Core;
using Reporting.Core.Notices;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Reporting.TestSupport;
using Reporting.Typesetting;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>E-mail to a real SMTP server; the full notification step against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailNotificationTests(AzuriteFixture azurite, SmtpTestServer smtp) : IClassFixture<SmtpTestServer>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _dropFolder = Path.Combine(Path.GetTempPath(), "reporting-mail-" + Guid.NewGuid().ToString("N"));

    private MailOptions Smtp => new() { Host = "127.0.0.1", Port = smtp.Port, Security = "None", From = "reports@weidu.example.gov.cn" };

    /// <summary>A report notice as the composer hands it to the channel; the version makes its key (2023-kgj-vN).</summary>
    private static ComposedNotice Notice(int version, NoticeAttachment? attachment = null) => new(new Notice.ReportReady(
        new NotificationMessage.ReportReady(2023, "kgj", version), "fzb@weidu.example.gov.cn", DateTimeOffset.UtcNow,
        new NoticePdf($"reports/2023/kgj/2023-kgj-v{version}.pdf", "报告.pdf", 7, new string('c', 64), 1000, new Uri("http://127.0.0.1/x.pdf?sig=1"),
            DateTimeOffset.UtcNow.AddDays(7)),
        Ofd: null), "【法治政府建设报告】测试主题", "正文：第 2 版，共 7 页。", attachment);

    /// <summary>A version no other test of the shared SMTP server uses.</summary>
    private static int UniqueVersion() => Random.Shared.Next(1000, int.MaxValue);

    [Fact]
    public async Task A_notice_is_mailed_from_the_named_sender_with_its_subject_text_headers_and_a_message_id_from_its_key()
    {
        var notice = Notice(UniqueVersion());
        var key = notice.Key;

        await new EmailNotificationSender(Smtp).SendAsync(notice);

        var mail = await smtp.WaitForAsync(m => m.MessageId == $"{key}@reporting.local", Wait);
        Assert.Equal("【法治政府建设报告】测试主题", mail.Subject);
        Assert.Equal("正文：第 2 版，共 7 页。", mail.TextBody!.TrimEnd());
        Assert.Equal(["fzb@weidu.example.gov.cn"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(("reports@weidu.example.gov.cn", "魏都区法治政府建设报告系统"), (mail.From.Mailboxes.Single().Address, mail.From.Mailboxes.Single().Name));
        Assert.Equal((key, new string('c', 64), "report.ready"),
            (mail.Headers["X-Report-Key"], mail.Headers["X-Report-Sha256"], mail.Headers["X-Notice-Kind"]));
        Assert.Equal(ContentEncoding.Base64, Assert.IsType<TextPart>(mail.Body).ContentTransferEncoding);
    }

    [Fact]
    public async Task An_attachment_travels_base64_with_its_chinese_file_name()
    {
        var pdf = "%PDF-1.7 附件"u8.ToArray();
        var notice = Notice(UniqueVersion(), new NoticeAttachment("科工局2023年报告（第2版）.pdf", "application/pdf", pdf));

        await new EmailNotificationSender(Smtp).SendAsync(notice);

        var mail = await smtp.WaitForAsync(m => m.MessageId == $"{notice.Key}@reporting.local", Wait);
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(("科工局2023年报告（第2版）.pdf", ContentEncoding.Base64), (part.FileName, part.ContentTransferEncoding));
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
        Assert.Contains("第 2 版", mail.TextBody);
    }

    [Fact]
    public async Task Without_an_smtp_host_the_message_is_written_to_the_drop_folder()
    {
        var sender = new EmailNotificationSender(new MailOptions { DropFolder = _dropFolder });

        await sender.SendAsync(Notice(2));

        var mail = await MimeMessage.LoadAsync(Path.Combine(_dropFolder, "2023-kgj-v2.eml"));
        Assert.Equal(("【法治政府建设报告】测试主题", "2023-kgj-v2@reporting.local"), (mail.Subject, mail.MessageId));
        Assert.Contains("第 2 版，共 7 页", mail.TextBody);
        // The file is 7-bit clean: any mail client opens it, whatever it assumes of unlabelled 8-bit text.
        Assert.Equal(ContentEncoding.Base64, Assert.IsType<TextPart>(mail.Body).ContentTransferEncoding);
    }

    /// <summary>Stores the v1 PDF of kgj's report for <paramref name="year"/> and records it as assembled.</summary>
    private static async Task<(TableReportRepository Reports, RenderedPdf Pdf)> AssembledReportAsync(StorageClients clients, int year)
    {
        var reports = new TableReportRepository(clients);
        var pdfs = new BlobPdfStore(clients, TimeProvider.System);
        var pdf = new RenderedPdf("%PDF-1.7 科工局"u8.ToArray(), 12);
        var stored = await pdfs.CreateAsync($"{clients.Options.ReportsContainer}/{year}/kgj/{year}-kgj-v1.pdf", pdf, "报告.pdf");
        var report = new Report(new ReportKey(year, "kgj"));
        foreach (var part in new[] { "preamble", "duty", "measures", "shortcomings", "plans" })
            report.Approve(part, 1, "审核人", DateTimeOffset.UtcNow);
        report.MarkAssembled(1, stored.Name, stored.Sha256, stored.PageCount, DateTimeOffset.UtcNow);
        await reports.SaveAsync(report);
        return (reports, pdf);
    }

    private static DistrictOfficeNotifier Notifier(StorageClients clients, TableReportRepository reports, MailOptions mail)
    {
        var options = new ReportingOptions();
        var delivery = new OnceOnlyDelivery(new TableNotificationOutbox(clients), [new EmailNotificationSender(mail)], new StorageWorkQueue(clients), options,
            new NotificationOptions { RetrySchedule = [TimeSpan.FromSeconds(1)] }, TimeProvider.System);
        return new DistrictOfficeNotifier(AzuriteCollection.Directory, reports, new TableDraftRepository(clients),
            new BlobPdfStore(clients, TimeProvider.System),
            new LinkComposer(), delivery, new TableAuditLog(clients), new DocumentWords(), options, TimeProvider.System);
    }

    [Fact]
    public async Task The_district_office_gets_one_mail_with_department_year_version_pages_and_a_working_link()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        var (reports, pdf) = await AssembledReportAsync(clients, 2023);
        var notifier = Notifier(clients, reports, Smtp);
        var message = new NotificationMessage.ReportReady(2023, "kgj", 1);

        Assert.Equal(["email"], (await notifier.NotifyAsync(message)).SentNow);
        Assert.Empty((await notifier.NotifyAsync(message)).SentNow);

        const string messageId = "2023-kgj-v1@reporting.local";
        var mail = await smtp.WaitForAsync(m => m.MessageId == messageId, Wait);
        Assert.Single(smtp.Messages, m => m.MessageId == messageId);
        Assert.Equal("ReportReady 2023 kgj v1 12", mail.Subject);
        Assert.Equal(pdf.Sha256, mail.Headers["X-Report-Sha256"]);
        var link = mail.TextBody!.Trim();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(pdf.Content, await http.GetByteArrayAsync(link));
        Assert.NotNull((await reports.GetAsync(new ReportKey(2023, "kgj"))).FindVersion(1)!.NotifiedAt);
    }

    [Fact]
    public async Task When_the_mail_server_was_down_the_failure_is_recorded_a_retry_is_queued_and_the_retry_sends_it()
    {
        var clients = await azurite.CreateIsolatedClientsAsync();
        await clients.EnsureCreatedAsync();
        var (reports, _) = await AssembledReportAsync(clients, 2024);
        var message = new NotificationMessage.ReportReady(2024, "kgj", 1);

        var failed = await Notifier(clients, reports, new MailOptions { Host = "127.0.0.1", Port = LoopbackPort.Free(), Security = "None" })
            .NotifyAsync(message);
        var entry = Assert.Single(failed.Channels);
        Assert.Equal((false, 1), (failed.Delivered, entry.Attempts));
        Assert.Contains("SocketException", entry.LastError);
        Assert.InRange(entry.NextAttemptAt!.Value - entry.LastAttemptAt!.Value, TimeSpan.FromMilliseconds(990), TimeSpan.FromMilliseconds(1010));
        // The retry message is on the queue, hidden until the backoff has run out.
        var queue = clients.Queues.GetQueueClient(clients.Options.NotificationQueue);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await Eventually.HoldsAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 1, TimeSpan.FromSeconds(10),
            "the retry message did not become visible");
        Assert.Equal("{\"year\":2024,\"department\":\"kgj\",\"version\":1,\"kind\":\"report\"}", (await queue.PeekMessageAsync()).Value.MessageText);

        Assert.Equal(["email"], (await Notifier(clients, reports, Smtp).NotifyAsync(message)).SentNow);

        await smtp.WaitForAsync(m => m.MessageId == "2024-kgj-v1@reporting.local", Wait);
        Assert.Single(smtp.Messages, m => m.MessageId == "2024-kgj-v1@reporting.local");
    }

    /// <summary>The wording is the app layer's (tested in Reporting.Functions.Tests); here the facts and the storage link only.</summary>
    private sealed class LinkComposer : INoticeComposer
    {
        public Task<ComposedNotice> ComposeAsync(Notice notice, CancellationToken cancellationToken = default)
        {
            var report = Assert.IsType<Notice.ReportReady>(notice);
            return Task.FromResult(new ComposedNotice(notice,
                $"ReportReady {report.Year} {report.Message.Department} v{report.Message.Version} {report.Pdf.PageCount}", report.Pdf.StorageLink + "\n"));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dropFolder)) Directory.Delete(_dropFolder, recursive: true);
    }
}
