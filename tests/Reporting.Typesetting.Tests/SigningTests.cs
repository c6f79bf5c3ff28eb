using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Reporting.Core.Documents;
using Reporting.Development.Seals;
using Reporting.Typesetting.Rendering;
using Reporting.Typesetting.Signing;

namespace Reporting.Typesetting.Tests;

/// <summary>The PAdES B-B signature over the whole file, read back with pdfsig, qpdf and SignedCms.</summary>
public sealed partial class SigningTests
{
    private static readonly DateTimeOffset SigningTime = new(2024, 1, 15, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<byte[]> Invisible = new(() =>
    {
        using var key = TestSigningKeys.Load();
        return new PadesSigner(key).Sign(Fixtures.Kgj2023Pdf.Value, SigningTime);
    });

    /// <summary>The fixture with its department's development seal, where the seal was drawn, and the file signed visibly over it.</summary>
    private static readonly Lazy<(byte[] Unsigned, SealPlacement Seal, byte[] Signed)> Visible = new(() =>
    {
        var document = Fixtures.Kgj2023 with { Seal = DevelopmentSeal.For(Fixtures.Kgj2023.Signature) };
        var (pdf, seal) = Fixtures.Typesetter.Value.RenderSealed(document);
        using var key = TestSigningKeys.Load();
        return (pdf.Content, seal!, new PadesSigner(key).Sign(pdf.Content, SigningTime, seal));
    });

    [Fact]
    public void Pdfsig_finds_one_valid_ETSI_CAdES_signature_over_the_total_document()
    {
        foreach (var (pdf, name) in new[] { (Invisible.Value, "signed-invisible.pdf"), (Visible.Value.Signed, "signed-visible.pdf") })
        {
            var (_, output, error) = Tools.Run("/usr/bin/pdfsig", Rendered.WriteTemp(pdf, name));
            Assert.True(output.Contains("Signature #1", StringComparison.Ordinal), output + error);
            Assert.DoesNotContain("Signature #2", output);
            Assert.Contains("Signature Validation: Signature is Valid.", output);
            Assert.Contains("Total document signed", output);
            Assert.Contains("Signature Type: ETSI.CAdES.detached", output);
            Assert.Contains("Signer Certificate Common Name: 魏都区法治政府建设报告系统（测试）", output);
            Assert.Contains("Signing Hash Algorithm: SHA-256", output);
        }
    }

    [Fact]
    public void Qpdf_finds_the_signed_file_clean()
    {
        foreach (var (pdf, name) in new[] { (Invisible.Value, "signed-invisible-qpdf.pdf"), (Visible.Value.Signed, "signed-visible-qpdf.pdf") })
        {
            var (exit, output, error) = Tools.Run("/usr/bin/qpdf", "--check", Rendered.WriteTemp(pdf, name));
            Assert.True(exit == 0, output + error);
            Assert.Contains("No syntax or stream encoding errors found", output);
        }
    }

    [Fact]
    public void The_byte_range_covers_the_whole_file_but_the_contents_value()
    {
        var pdf = Invisible.Value;
        var (a, b, c, d) = ByteRange(pdf);
        Assert.Equal(0, a);
        Assert.Equal(pdf.Length, c + d);
        Assert.Equal((byte)'<', pdf[b]);
        Assert.Equal((byte)'>', pdf[c - 1]);
        Assert.Matches("^<[0-9A-F]+>$", Encoding.Latin1.GetString(pdf, b, c - b));
        Assert.Equal("/Contents", Encoding.Latin1.GetString(pdf, b - 9, 9));
    }

    [Fact]
    public void The_unsigned_file_is_kept_whole_and_the_signature_is_an_incremental_update_pointing_back_to_it()
    {
        var original = Fixtures.Kgj2023Pdf.Value;
        var signed = Invisible.Value;
        Assert.Equal(original, signed[..original.Length]);
        var update = Encoding.Latin1.GetString(signed, original.Length, signed.Length - original.Length);
        var previousXref = Regex.Match(Encoding.Latin1.GetString(original[^40..]), @"startxref\s+(\d+)").Groups[1].Value;
        Assert.Contains($"/Prev {previousXref}>>", update);
        Assert.Contains("/AcroForm<</Fields[", update);
        Assert.Contains("/SigFlags 3>>", update);
        Assert.Matches(@"/Type/Annot/Subtype/Widget/FT/Sig/T<[0-9A-F]+>/TU<[0-9A-F]+>/F 4/V \d+ 0 R/P \d+ 0 R/Rect\[0 0 0 0\]/StructParent \d+>>", update);
        Assert.Contains("/Annots[", update);
    }

    [Fact]
    public void The_CMS_verifies_over_the_byte_ranges_and_carries_the_ESS_signing_certificate_v2_and_no_signing_time()
    {
        var pdf = Invisible.Value;
        var (_, b, c, d) = ByteRange(pdf);
        var signedBytes = pdf[..b].Concat(pdf[c..(c + d)]).ToArray();
        var hex = Encoding.Latin1.GetString(pdf, b + 1, c - b - 2);
        var der = Convert.FromHexString(hex);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var cmsLength);
        Assert.True(der[cmsLength..].All(x => x == 0), "only zero padding follows the CMS");

        var cms = new SignedCms(new ContentInfo(signedBytes), detached: true);
        cms.Decode(der[..cmsLength]);
        cms.CheckSignature(verifySignatureOnly: true);
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        Assert.Equal(TestSigningKeys.Subject, signer.Certificate!.Subject);
        var attributes = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.Contains("1.2.840.113549.1.9.3", attributes);  // content-type
        Assert.Contains("1.2.840.113549.1.9.4", attributes);  // message-digest
        Assert.DoesNotContain("1.2.840.113549.1.9.5", attributes);  // signing-time: PAdES puts the time in /M
        var ess = signer.SignedAttributes.Cast<CryptographicAttributeObject>().Single(a => a.Oid.Value == SignatureCms.SigningCertificateV2Oid);
        // SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } }, the hash algorithm the SHA-256 default.
        var reader = new AsnReader(ess.Values[0].RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence().ReadSequence();
        Assert.Equal(SHA256.HashData(signer.Certificate.RawData), reader.ReadOctetString());
        var issuerSerial = reader.ReadSequence();
        issuerSerial.ReadSequence();
        Assert.Equal(signer.Certificate.SerialNumberBytes.ToArray(), issuerSerial.ReadIntegerBytes().ToArray());
    }

    [Fact]
    public void The_signing_time_is_written_in_M()
    {
        Assert.Contains("/M(D:20240115093000+08'00')", Encoding.Latin1.GetString(Invisible.Value));
    }

    [Fact]
    public void The_same_file_and_time_sign_to_the_same_bytes_and_another_time_changes_only_M_and_Contents()
    {
        using var key = TestSigningKeys.Load();
        var counting = new CountingKey(key);
        var signer = new PadesSigner(counting);
        var again = signer.Sign(Fixtures.Kgj2023Pdf.Value, SigningTime);
        Assert.Equal(1, counting.Calls);
        Assert.Equal(Invisible.Value, again);

        var later = signer.Sign(Fixtures.Kgj2023Pdf.Value, SigningTime.AddDays(3).AddMinutes(7));
        Assert.Equal(2, counting.Calls);
        Assert.Equal(Invisible.Value.Length, later.Length);
        Assert.NotEqual(Invisible.Value, later);
        Assert.Equal(WithoutSignature(Invisible.Value), WithoutSignature(later));
    }

    [Fact]
    public void A_visible_signature_is_a_printable_widget_at_the_seal_placement_on_its_page_drawing_the_seal()
    {
        var (unsigned, seal, signed) = Visible.Value;
        var update = Encoding.Latin1.GetString(signed, unsigned.Length, signed.Length - unsigned.Length);
        static string N(double v) => Math.Round(v, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rect = $"{N(seal.Left)} {N(seal.Bottom)} {N(seal.Left + seal.Width)} {N(seal.Bottom + seal.Height)}";
        Assert.Matches($@"/FT/Sig/T<[0-9A-F]+>/TU<[0-9A-F]+>/F 4/V \d+ 0 R/P \d+ 0 R/Rect\[{Regex.Escape(rect)}\]/AP<</N \d+ 0 R>>/StructParent \d+>>", update);
        Assert.Contains($"/Subtype/Form/BBox[0 0 {N(seal.Width)} {N(seal.Height)}]/Resources<</XObject<</Seal {seal.ImageObject} 0 R>>>>", update);

        // The widget is on the page the placement names (the last), as PdfPig sees it.
        using var document = UglyToad.PdfPig.PdfDocument.Open(signed);
        var onPage = Enumerable.Range(1, document.NumberOfPages).Where(p => document.GetPage(p).GetAnnotations().Any()).ToList();
        Assert.Equal([seal.PageIndex + 1], onPage);
    }

    [Fact]
    public void The_widget_s_appearance_draws_the_page_s_own_seal_image_so_the_image_is_in_the_file_once()
    {
        var (unsigned, seal, signed) = Visible.Value;
        var update = Encoding.Latin1.GetString(signed, unsigned.Length, signed.Length - unsigned.Length);
        Assert.DoesNotContain("/Subtype/Image", update);
        Assert.Matches($@"(?s)\n{seal.ImageObject} 0 obj\s*<<.*?/Subtype\s*/Image", Encoding.Latin1.GetString(unsigned));
        // pdfimages lists each image XObject once per use: the page's seal and its soft mask, then the widget's appearance
        // drawing the same object (poppler renders appearances), never a second copy (the same object id).
        var (exit, list, error) = Tools.Run("/usr/bin/pdfimages", "-list", Rendered.WriteTemp(signed, "signed-visible-images.pdf"));
        Assert.True(exit == 0, error);
        var objects = list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(r => Regex.Split(r.Trim(), @"\s+"))
            .Where(r => r[2] == "image").Select(r => r[10]).Distinct().ToList();
        Assert.Equal([seal.ImageObject.ToString(System.Globalization.CultureInfo.InvariantCulture)], objects);
        // A sealed, signed fixture grows by the signature alone, not by a second seal image (the PNG is 20–40 KB).
        Assert.InRange(signed.Length - unsigned.Length, 1, 16 * 1024);
    }

    [Fact]
    public void A_sealed_report_is_signed_by_a_widget_over_its_printed_seal_and_an_unsealed_one_invisibly()
    {
        using var key = TestSigningKeys.Load();
        var typesetter = new SigningTypesetter(Fixtures.Typesetter.Value, key, new Reporting.TestSupport.ManualClock(SigningTime));
        var document = Fixtures.Kgj2023 with { Seal = DevelopmentSeal.For(Fixtures.Kgj2023.Signature) };
        var placement = Fixtures.Typesetter.Value.RenderSealed(document).Seal!;
        var signed = typesetter.Render(document).Content;
        var text = Encoding.Latin1.GetString(signed);
        var rect = string.Join(' ', new[] { placement.Left, placement.Bottom, placement.Left + placement.Width, placement.Bottom + placement.Height }
            .Select(v => Math.Round(v, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"/Rect[{rect}]/AP<</N ", text);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(signed))
            Assert.Equal([placement.PageIndex + 1], Enumerable.Range(1, pdf.NumberOfPages).Where(p => pdf.GetPage(p).GetAnnotations().Any()));
        var path = Rendered.WriteTemp(signed, "signed-sealed.pdf");
        var (_, output, error) = Tools.Run("/usr/bin/pdfsig", path);
        Assert.True(output.Contains("Signature is Valid.", StringComparison.Ordinal), output + error);
        // The catalog's new revision keeps the tagged, archival entries of the one it revises.
        var catalog = text[text.LastIndexOf("/Type/Catalog", StringComparison.Ordinal)..];
        foreach (var entry in new[] { "/StructTreeRoot", "/MarkInfo", "/OutputIntents", "/Metadata", "/Lang", "/ViewerPreferences", "/AcroForm" })
            Assert.Contains(entry, catalog[..catalog.IndexOf("endobj", StringComparison.Ordinal)]);

        Assert.Contains("/Rect[0 0 0 0]", Encoding.Latin1.GetString(typesetter.Render(Fixtures.Kgj2023).Content));
    }

    [Fact]
    public void The_widget_is_a_Form_element_just_after_the_seal_s_figure_and_its_StructParent_leads_back_to_it()
    {
        var (unsigned, seal, signed) = Visible.Value;
        var update = Encoding.Latin1.GetString(signed, unsigned.Length, signed.Length - unsigned.Length);
        var widget = Regex.Match(update, @"(\d+) 0 obj\n<</Type/Annot/Subtype/Widget[^\n]*/StructParent (\d+)>>");
        var form = Regex.Match(update, @"(\d+) 0 obj\n<</Type/StructElem/S/Form/P (\d+) 0 R/Pg \d+ 0 R/K<</Type/OBJR/Obj (\d+) 0 R/Pg \d+ 0 R>>>>");
        Assert.True(widget.Success && form.Success, update);
        Assert.Equal(widget.Groups[1].Value, form.Groups[3].Value);
        var (key, element, parent) = (widget.Groups[2].Value, form.Groups[1].Value, form.Groups[2].Value);
        Assert.Matches($@"/Nums\s*\[[^\n]*\b{key}\s+{element} 0 R\s*\]", update);
        Assert.Matches($@"/ParentTreeNextKey {int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) + 1}\b", update);
        // The revised parent (the signature block) reads: … the seal's figure, then the signature's form.
        Assert.NotNull(seal.FigureElement);
        Assert.Matches($@"(?s)\n{parent} 0 obj\n<<.*/K\s*\[[^\]]*(?<!\d){seal.FigureElement}\s+0\s+R {element} 0 R", update);
        // poppler reads the tree with the widget in it, and qpdf resolves every reference (Qpdf_finds_the_signed_file_clean).
        var (exit, structure, error) = Tools.Run("/usr/bin/pdfinfo", "-struct", Rendered.WriteTemp(signed, "signed-visible-struct.pdf"));
        Assert.True(exit == 0, error);
        Assert.Contains("Form", structure);
        var figureAt = structure.IndexOf("Figure", StringComparison.Ordinal);
        Assert.True(figureAt >= 0 && structure.IndexOf("Form", figureAt, StringComparison.Ordinal) > figureAt, structure);
    }

    [Fact]
    public void The_widget_s_key_joins_the_parent_tree_as_a_leaf_of_its_own_so_the_update_rewrites_only_the_tree_s_root()
    {
        var (unsigned, _, signed) = Visible.Value;
        var update = Encoding.Latin1.GetString(signed, unsigned.Length, signed.Length - unsigned.Length);
        var key = Regex.Match(update, @"/Subtype/Widget[^\n]*/StructParent (\d+)>>").Groups[1].Value;
        var form = Regex.Match(update, @"(\d+) 0 obj\n<</Type/StructElem/S/Form").Groups[1].Value;
        var leaf = Regex.Match(update, $@"(\d+) 0 obj\n<</Limits\[{key} {key}\]/Nums\[{key} {form} 0 R\]>>");
        Assert.True(key.Length > 0 && form.Length > 0 && leaf.Success, update);
        Assert.Matches($@"<</Kids\[\d+ 0 R {leaf.Groups[1].Value} 0 R\]>>", update);
        // The pages' keys (from 0) stay in the leaf the first revision wrote: no copy of them is in the update.
        Assert.DoesNotMatch(@"/Nums\s*\[\s*0\b", update);
        Assert.True(update.Length < 8 * 1024, $"The update is {update.Length} bytes.");
    }

    [Fact]
    public void The_space_reserved_for_the_signature_is_exactly_what_its_CMS_takes()
    {
        foreach (var signed in new[] { Invisible.Value, Visible.Value.Signed })
        {
            var hex = Regex.Match(Encoding.Latin1.GetString(signed), "/Contents<([0-9A-F]+)>").Groups[1].Value;
            var der = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.DER, out _, out _, out var consumed);
            Assert.Equal(der.Length, consumed);
        }
    }

    [Fact]
    public void An_invisible_signature_s_widget_is_a_Form_element_last_in_the_document_element()
    {
        var update = Encoding.Latin1.GetString(Invisible.Value, Fixtures.Kgj2023Pdf.Value.Length, Invisible.Value.Length - Fixtures.Kgj2023Pdf.Value.Length);
        var form = Regex.Match(update, @"(\d+) 0 obj\n<</Type/StructElem/S/Form/P (\d+) 0 R");
        Assert.True(form.Success, update);
        Assert.Matches($@"(?s)\n{form.Groups[2].Value} 0 obj\n<<.*/S\s*/Document.*/K\s*\[[^\]]* {form.Groups[1].Value} 0 R\s*\]", update);
    }

    [Fact]
    public void A_sealed_volume_is_signed_in_its_stream_by_a_widget_over_the_cover_seal()
    {
        using var key = TestSigningKeys.Load();
        var path = Rendered.WriteTemp([], "signed-volume.pdf");
        var volume = OneReportVolume() with { Seal = DevelopmentSeal.For("魏都区法治政府建设领导小组办公室") };
        using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite))
        {
            var typesetter = new SigningTypesetter(Fixtures.Typesetter.Value, key, new Reporting.TestSupport.ManualClock(SigningTime));
            typesetter.RenderVolume(volume, file);
        }
        var (_, output, error) = Tools.Run("/usr/bin/pdfsig", path);
        Assert.True(output.Contains("Signature is Valid.", StringComparison.Ordinal), output + error);
        Assert.Contains("Total document signed", output);
        var (exit, check, checkError) = Tools.Run("/usr/bin/qpdf", "--check", path);
        Assert.True(exit == 0, check + checkError);

        // The widget lies on the cover exactly over the office's seal, and shows it.
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        var cover = pdf.GetPage(1);
        var widget = Assert.Single(cover.GetAnnotations());
        var image = Assert.Single(cover.GetImages());
        Assert.Equal(image.BoundingBox.Left, widget.Rectangle.Left, tolerance: 0.01);
        Assert.Equal(image.BoundingBox.Bottom, widget.Rectangle.Bottom, tolerance: 0.01);
        Assert.Equal(image.BoundingBox.Width, widget.Rectangle.Width, tolerance: 0.01);
        Assert.Equal(image.BoundingBox.Height, widget.Rectangle.Height, tolerance: 0.01);
        Assert.Contains("/AP<</N ", File.ReadAllText(path, Encoding.Latin1));
        Assert.All(Enumerable.Range(2, pdf.NumberOfPages - 1),
            p => Assert.DoesNotContain(pdf.GetPage(p).GetAnnotations(), a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Widget));
    }

    [Fact]
    public void An_unsealed_volume_is_signed_invisibly()
    {
        using var key = TestSigningKeys.Load();
        using var file = new MemoryStream();
        new SigningTypesetter(Fixtures.Typesetter.Value, key, new Reporting.TestSupport.ManualClock(SigningTime)).RenderVolume(OneReportVolume(), file);
        var pdf = Rendered.WriteTemp(file.ToArray(), "signed-volume-unsealed.pdf");
        var (_, output, error) = Tools.Run("/usr/bin/pdfsig", pdf);
        Assert.True(output.Contains("Signature is Valid.", StringComparison.Ordinal), output + error);
        Assert.Contains("/Rect[0 0 0 0]", Encoding.Latin1.GetString(file.ToArray()));
    }

    [Fact]
    public void The_signature_s_facts_are_read_from_the_file_s_last_bytes_who_signed_and_when()
    {
        foreach (var pdf in new[] { Invisible.Value, Visible.Value.Signed })
        {
            var facts = SignatureFacts.Read(pdf.AsSpan(Math.Max(0, pdf.Length - SignatureFacts.TailBytes)));
            Assert.NotNull(facts);
            Assert.Equal(("魏都区法治政府建设报告系统（测试）", "魏都区（测试）", SigningTime), (facts.CommonName, facts.Organisation, facts.SignedAt));
            Assert.Equal("魏都区法治政府建设报告系统（测试），魏都区（测试）", facts.Signer);
        }
        Assert.Null(SignatureFacts.Read(Fixtures.Kgj2023Pdf.Value.AsSpan(Fixtures.Kgj2023Pdf.Value.Length - 4096)));
        Assert.Null(SignatureFacts.Read("/Type/Sig/Contents<00FF>"u8));
    }

    [Fact]
    public void The_signature_s_facts_read_another_signer_s_CMS_its_certificate_named_by_key_identifier_and_its_signing_time()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=另一签名者, O=某单位", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2034, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var signedAt = new DateTime(2024, 1, 15, 1, 30, 0, DateTimeKind.Utc);
        var signer = new CmsSigner(SubjectIdentifierType.SubjectKeyIdentifier, certificate) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1") };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signedAt));
        var cms = new SignedCms(new ContentInfo("签名的字节"u8.ToArray()), detached: true);
        cms.ComputeSignature(signer, silent: true);

        // No /M: the time comes from the CMS's signing-time attribute.
        var tail = Encoding.Latin1.GetBytes(
            $"/Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/Contents<{Convert.ToHexString(cms.Encode())}0000>>>");
        var facts = SignatureFacts.Read(tail);
        Assert.NotNull(facts);
        Assert.Equal(("另一签名者", "某单位", new DateTimeOffset(signedAt)), (facts.CommonName, facts.Organisation, facts.SignedAt));
    }

    [Fact]
    public void A_warmed_PKCS12_key_has_signed_no_file_and_signs_the_next_one_validly()
    {
        using var key = TestSigningKeys.Load();
        key.Warm(); // what the Cli does in the background while the faces load
        var signed = new PadesSigner(key).Sign(Fixtures.Kgj2023Pdf.Value, SigningTime);
        Assert.Equal(Invisible.Value, signed);
        var (_, output, error) = Tools.Run("/usr/bin/pdfsig", Rendered.WriteTemp(signed, "signed-after-warm.pdf"));
        Assert.True(output.Contains("Signature is Valid.", StringComparison.Ordinal), output + error);
    }

    private static VolumeDocument OneReportVolume()
    {
        var report = Fixtures.Kgj2023;
        return new VolumeDocument("魏都区", 2023, "魏都区2023年度法治政府建设情况报告汇编", [new VolumeEntry("kgj", report.Signature, report)], [],
            new DocumentInfo("魏都区2023年度法治政府建设情况报告汇编", "魏都区法治政府建设领导小组办公室", "2023年度法治政府建设情况报告汇编", SigningTime),
            "魏都区法治政府建设领导小组办公室", new DateOnly(2024, 1, 8));
    }

    private static (int A, int B, int C, int D) ByteRange(byte[] pdf)
    {
        var m = ByteRangeEntry().Match(Encoding.Latin1.GetString(pdf));
        Assert.True(m.Success);
        int At(int i) => int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (At(1), At(2), At(3), At(4));
    }

    private static string WithoutSignature(byte[] pdf) =>
        SignatureValues().Replace(Encoding.Latin1.GetString(pdf), "$1");

    [GeneratedRegex(@"/ByteRange\[(\d+) (\d+) (\d+) (\d+) *\]")] private static partial Regex ByteRangeEntry();
    [GeneratedRegex(@"(/M)\(D:[^)]*\)|(/Contents)<[0-9A-F]+>")] private static partial Regex SignatureValues();
}
