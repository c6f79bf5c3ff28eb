namespace Reporting.Core.ReportAssembly;

/// <summary>Typeset output: the PDF bytes and how many pages they hold.</summary>
public sealed record RenderedPdf(byte[] Content, int PageCount)
{
    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
}
