using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Signs a finished PDF over the whole file (PAdES baseline B-B, <c>/SubFilter /ETSI.CAdES.detached</c>) as an
/// incremental update appended to it: the signature dictionary with a zero-filled <c>/Contents</c>, a signature
/// field that is its own widget (the seal as its appearance, or an invisible one), the catalog revised with
/// <c>/AcroForm</c>, the page revised with <c>/Annots</c>, a new cross-reference section and a trailer with
/// <c>/Prev</c>. Then the <c>/ByteRange</c> (all the file but the <c>/Contents</c> value) is hashed, the key signs once
/// and the CMS is written into the placeholder. Nothing before the update changes, and nothing in it depends on
/// the time but <c>/M</c> and the signature: the same input and time give the same bytes.
/// </summary>
public sealed class PadesSigner(IDocumentSigningKey key)
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>The reserved width of each /ByteRange number: enough for a 10 GB file.</summary>
    private const int ByteRangeDigits = 10;

    public byte[] Sign(ReadOnlySpan<byte> pdf, DateTimeOffset signingTime) => Sign(pdf, signingTime, seal: null);

    /// <param name="seal">Where the page draws the seal: the widget lies over it and shows the same image (null: an invisible signature).</param>
    internal byte[] Sign(ReadOnlySpan<byte> pdf, DateTimeOffset signingTime, SealPlacement? seal)
    {
        using var stream = new MemoryStream(pdf.Length + 64 * 1024);
        stream.Write(pdf);
        Sign(stream, signingTime, seal);
        return stream.ToArray();
    }

    /// <summary>Appends the signature to a seekable, readable and writable stream holding a finished PDF (a volume in its temporary file).</summary>
    public void Sign(Stream pdf, DateTimeOffset signingTime) => Sign(pdf, signingTime, seal: null);

    internal void Sign(Stream pdf, DateTimeOffset signingTime, SealPlacement? seal)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var revision = PdfRevision.Read(pdf);
        var pageNumber = revision.Page(seal?.PageIndex ?? 0);
        var contentsLength = 2 * ReservedCmsBytes(key);

        var update = new IncrementalUpdate(pdf.Length, revision.Size);
        var signature = update.Reserve();
        var widget = update.Reserve();
        int? appearance = seal is null ? null : update.Reserve();

        update.Begin(signature);
        update.Raw($"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M{PdfDate(signingTime)}/ByteRange[0 ");
        var byteRangeAt = update.Length;
        update.Raw(new string(' ', 3 * ByteRangeDigits + 2) + "]/Contents");
        var contentsAt = update.Length;
        update.Raw("<" + new string('0', contentsLength) + ">>>\nendobj\n");

        var catalog = revision.Dictionary(revision.Root);
        if (catalog.Contains("/AcroForm", StringComparison.Ordinal)) throw new InvalidDataException("The PDF has a form already; it is signed once.");
        var structParent = WidgetStructure.Add(revision, update, catalog, widget, pageNumber, seal?.FigureElement);

        var rect = seal is null ? "[0 0 0 0]" : Rect(seal);
        var ap = appearance is { } n ? $"/AP<</N {n} 0 R>>" : "";
        var tagged = structParent is { } parentKey ? $"/StructParent {parentKey}" : "";
        // /F 4: printable, as PDF/A asks of every annotation. The field's name and its description for assistive technology
        // (/TU, PDF/UA), 电子签章, are UTF-16BE.
        update.Object(widget,
            $"<</Type/Annot/Subtype/Widget/FT/Sig/T{FieldName}/TU{FieldName}/F 4/V {signature} 0 R/P {pageNumber} 0 R/Rect{rect}{ap}{tagged}>>");
        if (seal is not null && appearance is { } form) WriteAppearance(update, form, seal);

        update.Object(revision.Root, Append(catalog, $"/AcroForm<</Fields[{widget} 0 R]/SigFlags 3>>"));
        update.Object(pageNumber, WithAnnotation(revision.Dictionary(pageNumber), widget));
        update.Finish(revision);

        var bytes = update.ToArray();
        var contentsStart = pdf.Length + contentsAt;
        var contentsEnd = contentsStart + contentsLength + 2;
        var fileLength = pdf.Length + bytes.Length;
        var byteRange = string.Join(' ', contentsStart, contentsEnd, fileLength - contentsEnd).PadRight(3 * ByteRangeDigits + 2);
        Latin1.GetBytes(byteRange, bytes.AsSpan(byteRangeAt));
        pdf.Position = pdf.Length;
        pdf.Write(bytes);

        var signed = new byte[contentsStart + (fileLength - contentsEnd)];
        pdf.Position = 0;
        pdf.ReadExactly(signed.AsSpan(0, (int)contentsStart));
        pdf.Position = contentsEnd;
        pdf.ReadExactly(signed.AsSpan((int)contentsStart));
        var cms = SignatureCms.Create(signed, key);
        if (cms.Length * 2 > contentsLength) throw new CryptographicException($"The signature ({cms.Length} bytes) outgrew its reserved space.");
        pdf.Position = contentsStart + 1;
        pdf.Write(Latin1.GetBytes(Convert.ToHexString(cms)));
        pdf.Position = pdf.Length;
    }

    /// <summary>The signature field's name, 电子签章, as a UTF-16BE string.</summary>
    private const string FieldName = "<FEFF75355B507B7E7AE0>";

    /// <summary>
    /// What the CMS will take (<see cref="SignatureCms.Length"/>): fixed by the chain, so a file's length (and its bytes) do
    /// not depend on the signature.
    /// </summary>
    private static int ReservedCmsBytes(IDocumentSigningKey key) => SignatureCms.Length(key.CertificateChain);

    /// <summary>The widget's appearance: a form drawing the page's own seal image over the widget's rectangle, so the image is in the file once.</summary>
    private static void WriteAppearance(IncrementalUpdate update, int form, SealPlacement seal)
    {
        var (w, h) = (Number(seal.Width), Number(seal.Height));
        update.Stream(form, $"<</Type/XObject/Subtype/Form/BBox[0 0 {w} {h}]/Resources<</XObject<</Seal {seal.ImageObject} 0 R>>>>",
            Latin1.GetBytes($"q {w} 0 0 {h} 0 0 cm /Seal Do Q"));
    }

    private static string Rect(SealPlacement p) =>
        $"[{Number(p.Left)} {Number(p.Bottom)} {Number(p.Left + p.Width)} {Number(p.Bottom + p.Height)}]";

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>PDF date in the time's own offset: D:20240115093000+08'00'.</summary>
    internal static string PdfDate(DateTimeOffset time)
    {
        var offset = time.Offset;
        var zone = offset == TimeSpan.Zero ? "Z" : $"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):D2}'{Math.Abs(offset.Minutes):D2}'";
        return "(D:" + time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + zone + ")";
    }

    private static string Append(string dictionary, string entries) => dictionary[..^2] + entries + ">>";

    /// <summary>The page with the widget added to its /Annots (an inline array, or a new one) and tab order by structure.</summary>
    private static string WithAnnotation(string page, int widget)
    {
        var annots = page.IndexOf("/Annots", StringComparison.Ordinal);
        if (annots >= 0)
        {
            var open = page.IndexOf('[', annots);
            if (open < 0 || page[(annots + 7)..open].Trim().Length > 0) throw new InvalidDataException("The page's /Annots is not an inline array.");
            page = page.Insert(page.IndexOf(']', open), $" {widget} 0 R");
        }
        else page = Append(page, $"/Annots[{widget} 0 R]");
        return page.Contains("/Tabs", StringComparison.Ordinal) ? page : Append(page, "/Tabs/S");
    }
}
