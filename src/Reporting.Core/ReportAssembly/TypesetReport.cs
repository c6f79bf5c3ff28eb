namespace Reporting.Core.ReportAssembly;

/// <summary>One report typeset: the PDF and its OFD twin (the same pages, the same characters at the same places).</summary>
public sealed record TypesetReport(RenderedPdf Pdf, byte[] Ofd)
{
    public string OfdSha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Ofd));
}
