using System.Diagnostics;
using UglyToad.PdfPig;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>Reads a stored PDF back for its seal: the images on a page (PdfPig) and the tagged figures' alt texts (qpdf's JSON).</summary>
internal static class StoredPdfSeals
{
    /// <summary>The blob's bytes, from the reports container (<paramref name="path"/> without the container).</summary>
    public static async Task<byte[]> DownloadAsync(LocalHostFixture app, string path)
    {
        var blob = app.Storage.Blobs.GetBlobContainerClient(app.Storage.Options.ReportsContainer).GetBlobClient(path);
        return (await blob.DownloadContentAsync()).Value.Content.ToArray();
    }

    /// <summary>Width × height in pixels of every image drawn on page <paramref name="pageNumber"/> (1-based; 0: the last page).</summary>
    public static List<(int Width, int Height)> Images(byte[] pdf, int pageNumber = 0)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(pageNumber == 0 ? document.NumberOfPages : pageNumber);
        return page.GetImages().Select(i => (i.WidthInSamples, i.HeightInSamples)).ToList();
    }

    /// <summary>qpdf's JSON of the file: the structure tree's /Figure and its /Alt text appear in it as written.</summary>
    public static string QpdfJson(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sealed-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/qpdf", ["--json", "--json-key=qpdf", path]) { RedirectStandardOutput = true })!;
            var json = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return json;
        }
        finally { File.Delete(path); }
    }
}
