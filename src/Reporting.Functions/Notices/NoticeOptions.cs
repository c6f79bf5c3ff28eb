namespace Reporting.Functions.Notices;

/// <summary>How notices are written (section "Mail"; Mail__DropFolder belongs to the sender and is read beside it).</summary>
public sealed class NoticeOptions
{
    public const string Section = "Mail";

    /// <summary>Attach the PDF to the district office's e-mail (Mail__AttachPdf). Off: the e-mail carries links only.</summary>
    public bool AttachPdf { get; set; }

    /// <summary>Largest PDF attached (Mail__AttachPdfMaxBytes); a larger one is not attached and the e-mail says so.</summary>
    public long AttachPdfMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Local host only: development users have no mailbox, so a rejection is sent to USER-ID@this domain
    /// (Mail__DevelopmentAddressDomain), which the local drop folder or a test SMTP server receives.
    /// </summary>
    public string DevelopmentAddressDomain { get; set; } = "localhost";

    private string _senderName = "魏都区法治政府建设报告系统";

    /// <summary>
    /// Who the e-mail says sent it: the mail sender's display name (Smtp__FromName), given by the composition through
    /// <see cref="UseSenderName"/>; not a setting of this section, so nothing binds it.
    /// </summary>
    public string SenderName => _senderName;

    public void UseSenderName(string name) => _senderName = name;
}
