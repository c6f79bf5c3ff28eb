namespace Reporting.Azure.Notifications;

/// <summary>SMTP settings (section "Smtp"). With no Host, mail is written as .eml files to <see cref="DropFolder"/>.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "reports@localhost";
    /// <summary>The sender's display name people see in their inbox (Smtp__FromName).</summary>
    public string FromName { get; set; } = DefaultFromName;
    public const string DefaultFromName = "魏都区法治政府建设报告系统";
    public string? UserName { get; set; }
    /// <summary>In Azure, a Key Vault reference (@Microsoft.KeyVault(...)), never a plain setting.</summary>
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>
    /// The longest one e-mail attempt may take, connecting to the last reply (Smtp__Timeout): a server that accepts
    /// and never answers costs this much, not MailKit's two minutes, and the attempt is retried on the schedule.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public bool SecurityIsKnown => Enum.TryParse<MailKit.Security.SecureSocketOptions>(Security, ignoreCase: true, out _);
    /// <summary>Where .eml files go when no SMTP host is set (section "Mail", key DropFolder).</summary>
    public string DropFolder { get; set; } = Path.Combine(".local", "mail");
}
