namespace Reporting.Core.ReportAssembly;

/// <summary>
/// Where a PDF's OFD twin is stored and what it is called: beside the PDF, under the same immutable name with the extension
/// .ofd (reports/2023/kgj/2023-kgj-v3.pdf → …-v3.ofd), so a version's two files are found from one recorded name.
/// </summary>
public static class OfdTwin
{
    public const string Extension = ".ofd";

    /// <summary>The media type OFD files are served with.</summary>
    public const string ContentType = "application/ofd";

    /// <summary>The twin of a blob name or a download file name ending in .pdf.</summary>
    public static string Of(string pdfName)
    {
        ArgumentNullException.ThrowIfNull(pdfName);
        if (!pdfName.EndsWith(".pdf", StringComparison.Ordinal)) throw new ArgumentException($"'{pdfName}' does not end in .pdf.", nameof(pdfName));
        return pdfName[..^4] + Extension;
    }
}
