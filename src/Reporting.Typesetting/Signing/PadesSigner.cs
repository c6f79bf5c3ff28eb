using System.Globalization;
using System.IO.Compression;
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

    public byte[] Sign(ReadOnlySpan<byte> pdf, DateTimeOffset signingTime) => Sign(pdf, signingTime, appearance: null);

    internal byte[] Sign(ReadOnlySpan<byte> pdf, DateTimeOffset signingTime, SignatureAppearance? appearance)
    {
        using var stream = new MemoryStream(pdf.Length + 64 * 1024);
        stream.Write(pdf);
        Sign(stream, signingTime, appearance);
        return stream.ToArray();
    }

    /// <summary>Appends the signature to a seekable, readable and writable stream holding a finished PDF (a volume in its temporary file).</summary>
    public void Sign(Stream pdf, DateTimeOffset signingTime) => Sign(pdf, signingTime, appearance: null);

    internal void Sign(Stream pdf, DateTimeOffset signingTime, SignatureAppearance? appearance)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var revision = PdfRevision.Read(pdf);
        var pageNumber = revision.Page(appearance?.Placement.PageIndex ?? 0);
        var contentsLength = 2 * ReservedCmsBytes(key);

        var update = new Update(pdf.Length, revision.Size);
        var signature = update.Reserve();
        var widget = update.Reserve();
        int? appearanceStream = appearance is null ? null : update.Reserve();

        update.Begin(signature);
        update.Raw($"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/M{PdfDate(signingTime)}/ByteRange[0 ");
        var byteRangeAt = update.Length;
        update.Raw(new string(' ', 3 * ByteRangeDigits + 2) + "]/Contents");
        var contentsAt = update.Length;
        update.Raw("<" + new string('0', contentsLength) + ">>>\nendobj\n");

        var rect = appearance is null ? "[0 0 0 0]" : Rect(appearance.Placement);
        var ap = appearanceStream is { } n ? $"/AP<</N {n} 0 R>>" : "";
        // /F 4: printable, as PDF/A asks of every annotation; the field's name, 电子签章, is UTF-16BE.
        update.Object(widget, $"<</Type/Annot/Subtype/Widget/FT/Sig/T<FEFF75355B507B7E7AE0>/F 4/V {signature} 0 R/P {pageNumber} 0 R/Rect{rect}{ap}>>");
        if (appearance is not null && appearanceStream is { } form) WriteAppearance(update, form, appearance);

        var catalog = revision.Dictionary(revision.Root);
        if (catalog.Contains("/AcroForm", StringComparison.Ordinal)) throw new InvalidDataException("The PDF has a form already; it is signed once.");
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

    /// <summary>
    /// What the CMS can take: the certificates it carries, a signature as long as the key, the attributes and the
    /// SignedData around them. Fixed by the chain, so a file's length (and its bytes) do not depend on the signature.
    /// </summary>
    private static int ReservedCmsBytes(IDocumentSigningKey key) => key.CertificateChain.Sum(c => c.RawData.Length) + 4096;

    private static void WriteAppearance(Update update, int form, SignatureAppearance appearance)
    {
        var image = SealImage.Decode(appearance.SealPng);
        var alpha = update.Reserve();
        var picture = update.Reserve();
        var (w, h) = (Number(appearance.Placement.Width), Number(appearance.Placement.Height));
        update.Stream(form, $"<</Type/XObject/Subtype/Form/BBox[0 0 {w} {h}]/Resources<</XObject<</Seal {picture} 0 R>>>>", Latin1.GetBytes($"q {w} 0 0 {h} 0 0 cm /Seal Do Q"), compress: false);
        update.Stream(picture, $"<</Type/XObject/Subtype/Image/Width {image.Width}/Height {image.Height}/ColorSpace/DeviceRGB/BitsPerComponent 8/SMask {alpha} 0 R", image.Rgb, compress: true);
        update.Stream(alpha, $"<</Type/XObject/Subtype/Image/Width {image.Width}/Height {image.Height}/ColorSpace/DeviceGray/BitsPerComponent 8", image.Alpha, compress: true);
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

    /// <summary>The appended revision as it is written: objects, their offsets in the whole file, then its xref section.</summary>
    private sealed class Update(long baseLength, int firstNumber)
    {
        private readonly MemoryStream _bytes = new();
        private readonly SortedDictionary<int, long> _offsets = [];
        private int _next = firstNumber;

        public int Length => (int)_bytes.Length;

        public int Reserve() => _next++;

        public void Raw(string text) => _bytes.Write(Latin1.GetBytes(text));

        /// <summary>Starts object <paramref name="number"/> here; the caller writes its body and “endobj”.</summary>
        public void Begin(int number)
        {
            _offsets[number] = baseLength + _bytes.Length;
            Raw($"{number} 0 obj\n");
        }

        public void Object(int number, string dictionary)
        {
            Begin(number);
            Raw($"{dictionary}\nendobj\n");
        }

        public void Stream(int number, string openDictionary, byte[] data, bool compress)
        {
            var content = compress ? Deflate(data) : data;
            Begin(number);
            Raw($"{openDictionary}{(compress ? "/Filter/FlateDecode" : "")}/Length {content.Length}>>\nstream\n");
            _bytes.Write(content);
            Raw("\nendstream\nendobj\n");
        }

        /// <summary>A classic xref section (one subsection per run of numbers) and the trailer pointing back with /Prev.</summary>
        public void Finish(PdfRevision previous)
        {
            var xref = baseLength + _bytes.Length;
            var table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
            var numbers = _offsets.Keys.ToList();
            for (var i = 0; i < numbers.Count;)
            {
                var run = 1;
                while (i + run < numbers.Count && numbers[i + run] == numbers[i] + run) run++;
                table.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {run}\n");
                for (var j = i; j < i + run; j++) table.Append(CultureInfo.InvariantCulture, $"{_offsets[numbers[j]]:D10} 00000 n \n");
                i += run;
            }
            var info = previous.Info is { } n ? $"/Info {n} 0 R" : "";
            table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {_next}/Root {previous.Root} 0 R{info}{previous.Id}/Prev {previous.XrefOffset}>>\nstartxref\n{xref}\n%%EOF\n");
            Raw(table.ToString());
        }

        public byte[] ToArray() => _bytes.ToArray();

        private static byte[] Deflate(byte[] data)
        {
            using var deflated = new MemoryStream(data.Length / 2 + 64);
            using (var z = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
            return deflated.ToArray();
        }
    }
}
