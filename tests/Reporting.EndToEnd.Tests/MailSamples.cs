using System.Text;
using MimeKit;
using Reporting.TestSupport;

namespace Reporting.EndToEnd.Tests;

/// <summary>E-mails as received (.eml) and as a person reads them (the headers that matter and the decoded text, .txt), kept in .local/mail-samples/.</summary>
internal static class MailSamples
{
    public static void Save(string name, MimeMessage mail)
    {
        var folder = Path.Combine(RepoPaths.Root, ".local", "mail-samples");
        Directory.CreateDirectory(folder);
        var text = new StringBuilder()
            .Append("From: ").Append(mail.From).Append('\n')
            .Append("To: ").Append(mail.To).Append('\n')
            .Append("Subject: ").Append(mail.Subject).Append('\n');
        foreach (var header in new[] { "Message-Id", "X-Report-Key", "X-Notice-Kind", "X-Report-Sha256" })
            if (mail.Headers[header] is { } value) text.Append(header).Append(": ").Append(value).Append('\n');
        text.Append("Content-Transfer-Encoding: ").Append((mail.BodyParts.OfType<TextPart>().First()).ContentTransferEncoding).Append("\n\n")
            .Append(mail.TextBody);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.ToString());
        mail.WriteTo(Path.Combine(folder, name + ".eml"));
    }
}
