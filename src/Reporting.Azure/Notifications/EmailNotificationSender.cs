using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Reporting.Core.Abstractions;

namespace Reporting.Azure.Notifications;

/// <summary>
/// E-mails the district office through SMTP, or, with no SMTP server configured, drops the message as an
/// .eml file so a local run still shows what would have been sent. The Message-Id is derived from the
/// notification key, so a mail client can tell a re-sent copy from a new notification.
/// </summary>
public class EmailNotificationSender(MailOptions options) : INotificationSender
{
    public string Channel => "email";

    public virtual async Task SendAsync(ReadyNotice notice, CancellationToken cancellationToken = default)
    {
        var message = Compose(notice);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Directory.CreateDirectory(options.DropFolder);
            await message.WriteToAsync(Path.Combine(options.DropFolder, $"{notice.Key}.eml"), cancellationToken);
            return;
        }
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    private MimeMessage Compose(ReadyNotice notice)
    {
        var message = new MimeMessage
        {
            Subject = notice.Subject,
            MessageId = $"{notice.Key}@reporting.local",
            // Declared, not left to the transport: a .eml written to the drop folder carries raw 8-bit UTF-8 otherwise.
            Body = new TextPart("plain") { Text = notice.Text, ContentTransferEncoding = ContentEncoding.Base64 },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(notice.To));
        message.Headers.Add("X-Report-Key", notice.Key);
        return message;
    }
}
