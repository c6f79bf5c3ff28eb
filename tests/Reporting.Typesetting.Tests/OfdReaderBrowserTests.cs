using System.Text.Json;
using Microsoft.Playwright;
using Reporting.TestSupport;
using Reporting.Typesetting.Rendering;
using UglyToad.PdfPig;

namespace Reporting.Typesetting.Tests;

/// <summary>
/// Every OFD these tests make, opened in a real OFD reader: ofd.js (npm, Apache-2.0; package.json) in Debian's Chromium,
/// served with the file by Playwright's request routing. Each page must render with ink on it, its text must be the PDF's
/// page text, and page 1 must look like the PDF's page 1 (pdftoppm): both at 70 dpi, binarised, the share of either's
/// ink with no ink of the other within 2 px (the OFD's screenshot resampled to the PDF's size). The sealed report is compared on its
/// seal's page, where ofd.js must draw the seal's ImageObject. Screenshots land in .local/screenshots/ofd-*.png.
/// </summary>
public sealed class OfdReaderBrowserTests
{
    /// <summary>Width of a page at 70 dpi, as pdftoppm -r 70 draws it: 210 mm.</summary>
    private const int PageWidth = 579;

    /// <summary>The origin the page and files are served from, by Playwright's routing (a name that resolves nowhere).</summary>
    private const string Origin = "http://ofd.invalid/";

    public static TheoryData<string> Documents => ["fixture", "stress", "sealed"];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Ofd_js_renders_every_page_with_the_text_of_the_PDF_page_and_page_one_looks_like_the_PDF(string name)
    {
        (byte[] Pdf, byte[] Ofd, SealPlacement? Seal) rendered = name switch
        {
            "fixture" => (OfdRendered.Fixture.Value.Pdf, OfdRendered.Fixture.Value.Ofd, null),
            "stress" => (OfdRendered.Stress.Value.Pdf, OfdRendered.Stress.Value.Ofd, null),
            _ => (OfdRendered.Sealed.Value.Pdf, OfdRendered.Sealed.Value.Ofd, OfdRendered.Sealed.Value.Seal),
        };
        var (pdf, ofd, seal) = rendered;
        // Page 1, or for the sealed report the page its seal is on, is compared with the PDF's.
        var compared = seal is null ? 1 : seal.PageIndex + 1;
        var reader = Path.Combine(RepoPaths.Root, "node_modules", "ofd.js", "lib", "ofd.umd.min.js");
        Assert.True(File.Exists(reader), "ofd.js is required: npm ci (.ci/setup does it)");
        var files = new Dictionary<string, (string Type, byte[] Body)>
        {
            ["/ofd.js"] = ("text/javascript", File.ReadAllBytes(reader)),
            ["/doc.ofd"] = ("application/ofd", ofd),
            ["/"] = ("text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(Page)),
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 800, Height = 1000 } });
        // The browser's requests are answered inside Playwright, so no port is opened: a listener on a port another
        // test had just freed failed on closing with "Address already in use".
        await page.RouteAsync(Origin + "**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            return files.TryGetValue(path, out var file)
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = file.Type, BodyBytes = file.Body })
                : route.FulfillAsync(new RouteFulfillOptions { Status = 404 });
        });
        await page.GotoAsync(Origin);
        // Waits for the reader to say it has parsed and drawn the file (or failed), not for a time.
        await page.WaitForFunctionAsync("() => window.ofdResult !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var result = JsonDocument.Parse(await page.EvaluateAsync<string>("() => JSON.stringify(window.ofdResult)")).RootElement;
        Assert.True(result.GetProperty("error").ValueKind == JsonValueKind.Null, $"ofd.js failed: {result.GetProperty("error")}");
        var texts = result.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToList();

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(document.NumberOfPages, texts.Count);
        var screenshots = Path.Combine(RepoPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(screenshots);
        foreach (var pdfPage in document.GetPages())
        {
            var expected = string.Concat(pdfPage.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Equal(expected, texts[pdfPage.Number - 1].Replace(" ", "", StringComparison.Ordinal));
            var shot = await page.Locator($"#out > div:nth-child({pdfPage.Number})").ScreenshotAsync();
            if (pdfPage.Number == compared) await File.WriteAllBytesAsync(Path.Combine(screenshots, $"ofd-{name}-page{compared}.png"), shot);
            var ink = PngInk.Read(shot);
            Assert.True(ink.InkCount > 500, $"page {pdfPage.Number} of the OFD renders blank in ofd.js ({ink.InkCount} ink pixels)");
        }

        var ofdDrawn = PngInk.Read(await File.ReadAllBytesAsync(Path.Combine(screenshots, $"ofd-{name}-page{compared}.png")));
        var pdfFile = Rendered.WriteTemp(pdf, $"ofd/{name}-browser.pdf");
        var prefix = Path.Combine(screenshots, $"ofd-{name}-pdf");
        var pageNumber = compared.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, _, error) = Tools.Run("pdftoppm", "-r", "70", "-png", "-f", pageNumber, "-l", pageNumber, "-singlefile", pdfFile, prefix);
        Assert.True(exit == 0, error);
        var pdfPage1 = PngInk.Read(await File.ReadAllBytesAsync(prefix + ".png"));
        // ofd.js draws the page about 2 % narrower than the width asked: compare at the PDF's size.
        Assert.InRange(ofdDrawn.Width, PageWidth * 0.95, PageWidth * 1.05);
        var ofdPage1 = ofdDrawn.ScaledTo(pdfPage1.Width, pdfPage1.Height);
        // The text is compared without the seal's red, which is checked on its own below: ofd.js 0.2.6 reads an
        // ImageObject's CTM as if the page were at 96 dpi, so it draws the seal about 1.37 times too large, clipped to its box.
        var (ofdText, pdfText) = seal is null ? (ofdPage1, pdfPage1) : (ofdPage1.WithoutRed(), pdfPage1.WithoutRed());
        var ofdUncovered = ofdText.UncoveredBy(pdfText, 2);
        var pdfUncovered = pdfText.UncoveredBy(ofdText, 2);
        Assert.True(ofdUncovered < 0.15 && pdfUncovered < 0.15,
            $"page {compared} differs: {ofdUncovered:P1} of the OFD's ink and {pdfUncovered:P1} of the PDF's have no ink of the other within 2 px");
        if (seal is not null) AssertSealDrawn(seal, pdfPage1, ofdPage1);
    }

    /// <summary>
    /// The seal's ImageObject is drawn: inside the box where the PDF places the seal, the OFD's page has at least half
    /// as many seal-red pixels as the PDF's (pdftoppm draws the same PNG there), and none elsewhere.
    /// </summary>
    private static void AssertSealDrawn(SealPlacement seal, PngInk pdfPage, PngInk ofdPage)
    {
        var scale = pdfPage.Width / 595.28; // pixels per point
        var (left, top) = ((int)(seal.Left * scale), (int)((841.89 - seal.Bottom - seal.Height) * scale));
        var (width, height) = ((int)Math.Ceiling(seal.Width * scale), (int)Math.Ceiling(seal.Height * scale));
        var pdfRed = pdfPage.RedIn(left, top, width, height);
        var ofdRed = ofdPage.RedIn(left, top, width, height);
        Assert.True(pdfRed > 500, $"the PDF's page shows only {pdfRed} red pixels where its seal is");
        Assert.True(ofdRed >= pdfRed / 2, $"ofd.js draws {ofdRed} red pixels where the seal is, the PDF {pdfRed}");
        // Nothing red elsewhere: all of it within the box widened by the 2 px the comparison above allows.
        Assert.Equal(ofdPage.RedIn(left - 2, top - 2, width + 4, height + 4), ofdPage.RedIn(0, 0, ofdPage.Width, ofdPage.Height));
    }

    /// <summary>ofd.js parses the file, draws each page at 70 dpi (one div of SVG text per page) and reports each page's text.</summary>
    private static readonly string Page = $$"""
        <!doctype html><html><head><meta charset="utf-8"><title>OFD</title></head>
        <body style="margin:0;background:#fff"><div id="out"></div>
        <script src="/ofd.js"></script>
        <script>
        fetch('/doc.ofd').then(r => r.arrayBuffer()).then(buffer => ofd.parseOfdDocument({
          ofd: buffer,
          success(documents) {
            try {
              const pages = ofd.renderOfd({{PageWidth}}, documents[0]);
              const out = document.getElementById('out');
              pages.forEach(p => { p.style.marginBottom = '0'; out.appendChild(p); });
              const texts = pages.map(p => Array.from(p.querySelectorAll('text')).map(t => t.textContent).join(''));
              // Images (the seal) are decoded before the result is reported, so a screenshot after it shows them.
              const images = Array.from(out.querySelectorAll('image')).map(i => { const im = new Image(); im.src = i.href.baseVal; return im.decode(); });
              Promise.all(images).then(() => requestAnimationFrame(() => { window.ofdResult = { error: null, texts }; }))
                .catch(e => window.ofdResult = { error: 'image: ' + String(e), texts: [] });
            } catch (e) { window.ofdResult = { error: String(e), texts: [] }; }
          },
          fail(e) { window.ofdResult = { error: String(e), texts: [] }; }
        })).catch(e => window.ofdResult = { error: String(e), texts: [] });
        </script></body></html>
        """;
}
