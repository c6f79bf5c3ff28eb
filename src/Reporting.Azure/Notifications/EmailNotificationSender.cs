using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Reporting.Core.Notices;

namespace Reporting.Azure.Notifications;

/// <summary>
/// E-mails a composed notice through SMTP, or, with no SMTP server configured, drops the message as an .eml file so a
/// local run still shows what would have been sent. The Message-Id is derived from the notice's key, so a mail client
/// can tell a re-sent copy from a new notice; the facts a program checks (key, kind, the PDF's SHA-256) ride in headers,
/// not in the text people read.
/// </summary>
public class EmailNotificationSender(MailOptions options) : INotificationSender
{
    public string Channel => "email";

    public virtual async Task SendAsync(ComposedNotice notice, CancellationToken cancellationToken = default)
    {
        var message = Compose(notice);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Directory.CreateDirectory(options.DropFolder);
            await message.WriteToAsync(Path.Combine(options.DropFolder, $"{notice.Key}.eml"), cancellationToken);
            return;
        }
        // MailKit's Timeout bounds each read and write; the linked token bounds the whole conversation, so a server that
        // answers every few seconds, never finishing, cannot stretch one attempt past the timeout either.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), attempt.Token);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", attempt.Token);
            await client.SendAsync(message, attempt.Token);
            await client.DisconnectAsync(true, attempt.Token);
        }
        catch (OperationCanceledException e) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {options.Host}:{options.Port} did not finish within {options.Timeout.TotalSeconds:0.#} s.", e);
        }
    }

    private MimeMessage Compose(ComposedNotice notice)
    {
        var to = notice.Fact.To ?? throw new InvalidOperationException($"Notice {notice.Key} has no recipient address.");
        // Declared, not left to the transport: a .eml written to the drop folder carries raw 8-bit UTF-8 otherwise.
        var text = new TextPart("plain") { Text = notice.Text, ContentTransferEncoding = ContentEncoding.Base64 };
        var message = new MimeMessage
        {
            Subject = notice.Subject,
            MessageId = $"{notice.Key}@reporting.local",
            Body = notice.Attachment is { } file ? WithAttachment(text, file) : text,
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(to));
        foreach (var also in notice.Fact.AlsoTo) message.To.Add(MailboxAddress.Parse(also));
        message.Headers.Add("X-Report-Key", notice.Key);
        message.Headers.Add("X-Notice-Kind", NoticeEvent.Type(notice.Fact));
        if (NoticeEvent.Pdf(notice.Fact) is { Sha256.Length: > 0 } pdf) message.Headers.Add("X-Report-Sha256", pdf.Sha256);
        return message;
    }

    private static Multipart WithAttachment(TextPart text, NoticeAttachment file) => new("mixed")
    {
        text,
        new MimePart(file.ContentType)
        {
            Content = new MimeContent(new MemoryStream(file.Content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = file.FileName,
        },
    };
}
