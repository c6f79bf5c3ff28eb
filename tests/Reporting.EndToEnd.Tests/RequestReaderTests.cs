using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Reporting.Core.Errors;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The request and .docx readers on their own, without HTTP. In the local-host collection so they never run
/// beside the hostile suite's memory measurement.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class RequestReaderTests
{
    private static HttpRequest Request(string contentType, Stream body, long? contentLength = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        return context.Request;
    }

    private static HttpRequest Request(string contentType, string body) =>
        Request(contentType, new MemoryStream(Encoding.UTF8.GetBytes(body)));

    private static async Task<ReportingException> Refused(HttpRequest request) =>
        await Assert.ThrowsAsync<ReportingException>(() => RequestFieldsReader.ReadAsync(request, JsonFields.Draft, CancellationToken.None));

    private const string Multipart = "multipart/form-data; boundary=" + HostileBodies.Boundary;

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_a_byte_is_read()
    {
        var refused = await Refused(Request(Multipart, new UnreadableStream(), RequestFieldsReader.MaxRequestBytes + 1L));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    [InlineData(Multipart)]
    public async Task An_undeclared_body_over_the_limit_is_refused_whatever_its_shape(string contentType)
    {
        // For multipart, one well-formed file part (files may be larger than a field) that runs past the limit.
        var body = new RepeatingStream((byte)'a', RequestFieldsReader.MaxRequestBytes + 1L, contentType == Multipart
            ? Encoding.ASCII.GetBytes($"--{HostileBodies.Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n")
            : []);
        var refused = await Refused(Request(contentType, body));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
        Assert.True(body.Position <= RequestFieldsReader.MaxRequestBytes + 128 * 1024, $"read {body.Position} bytes before refusing");
    }

    [Theory]
    [InlineData(Multipart)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task A_text_field_over_its_own_limit_is_refused_with_413_naming_it_whatever_the_shape(string contentType)
    {
        var value = new string('x', RequestFieldsReader.MaxFieldBytes + 1);
        var text = contentType switch
        {
            Multipart => HostileBodies.Field("body", value) + $"--{HostileBodies.Boundary}--\r\n",
            "application/json" => $"{{\"body\":\"{value}\"}}",
            _ => "body=" + value,
        };
        var refused = await Refused(Request(contentType, text));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
        Assert.Contains("body", RefusalWording.Detail(refused));
    }

    [Fact]
    public async Task More_multipart_parts_than_the_cap_are_refused_after_the_cap()
    {
        var text = string.Concat(Enumerable.Range(0, RequestFieldsReader.MaxFields + 1).Select(i => HostileBodies.Field($"f{i}", "x")))
            + $"--{HostileBodies.Boundary}--\r\n";
        var refused = await Refused(Request(Multipart, text));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
    }

    [Fact]
    public async Task The_cap_on_fields_holds_for_urlencoded_and_JSON_too()
    {
        var pairs = Enumerable.Range(0, RequestFieldsReader.MaxFields + 1).Select(i => $"f{i}=x").ToList();
        Assert.Equal(ProblemKind.PayloadTooLarge, (await Refused(Request("application/x-www-form-urlencoded", string.Join('&', pairs)))).Kind);
        Assert.Equal(ProblemKind.PayloadTooLarge,
            (await Refused(Request("application/json", "{" + string.Join(',', pairs.Select(p => $"\"{p[..p.IndexOf('=')]}\":\"x\"")) + "}"))).Kind);
    }

    [Fact]
    public async Task As_many_fields_as_the_cap_are_read()
    {
        var text = string.Concat(Enumerable.Range(0, RequestFieldsReader.MaxFields).Select(i => HostileBodies.Field($"f{i}", "值")))
            + $"--{HostileBodies.Boundary}--\r\n";
        var fields = await RequestFieldsReader.ReadAsync(Request(Multipart, text), JsonFields.Draft, CancellationToken.None);
        Assert.Equal("值", fields[$"f{RequestFieldsReader.MaxFields - 1}"]);
    }

    [Theory]
    [InlineData("--" + HostileBodies.Boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n正文")]
    [InlineData("--" + HostileBodies.Boundary + "\r\nno header here\r\n\r\n正文\r\n--" + HostileBodies.Boundary + "--\r\n")]
    [InlineData("year=2023")]
    [InlineData("")]
    public async Task A_truncated_or_malformed_multipart_body_is_a_validation_problem(string body)
    {
        var refused = await Refused(Request(Multipart, body));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.Contains("multipart", RefusalWording.Detail(refused));
    }

    [Theory]
    [InlineData("{\"body\":\"x\\ud800\"}")]
    [InlineData("{\"body\":\"\\udfb7x\"}")]
    [InlineData("{\"x\\ud800\":\"正文\"}")]
    public async Task A_JSON_string_with_a_lone_surrogate_is_a_validation_problem(string json)
    {
        var refused = await Refused(Request("application/json", json));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.Contains("代理项", RefusalWording.Detail(refused));
    }

    [Fact]
    public async Task A_JSON_surrogate_pair_is_one_character()
    {
        var fields = await RequestFieldsReader.ReadAsync(Request("application/json", "{\"body\":\"\\ud842\\udfb7\"}"), JsonFields.Draft,
            CancellationToken.None);
        Assert.Equal("𠮷", fields["body"]);
    }

    [Fact]
    public void A_docx_written_by_Word_tooling_gives_its_paragraphs_one_per_line()
    {
        var text = DocxText.Read(HostileBodies.Docx("一、第一段正文。", "第二段 含空格。", "𠮷第三段。"));
        Assert.Equal("一、第一段正文。\n第二段 含空格。\n𠮷第三段。", text);
    }

    [Fact]
    public void A_zip_bomb_is_refused_in_well_under_a_second_without_inflating_it() =>
        AssertRefusedQuicklyAndFlat(HostileBodies.GigabyteBomb, ProblemKind.PayloadTooLarge, 8);

    [Fact]
    public void A_zip_bomb_that_understates_its_size_is_refused_after_inflating_no_more_than_it_declared() =>
        AssertRefusedQuicklyAndFlat(HostileBodies.LyingBomb(), ProblemKind.Validation, 32);

    private static void AssertRefusedQuicklyAndFlat(byte[] docx, ProblemKind kind, int maxAllocatedMegabytes)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<ReportingException>(() => DocxText.Read(docx));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(kind, refused.Kind);
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024 / 1024;
        Assert.True(megabytes < maxAllocatedMegabytes, $"allocated {megabytes} MB");
    }

    [Fact]
    public void A_part_compressed_more_than_the_ratio_allows_is_refused_even_below_the_size_cap()
    {
        var dense = HostileBodies.ZipBomb(8 * 1024 * 1024, "<w:r/>");
        var refused = Assert.Throws<ReportingException>(() => DocxText.Read(dense));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
        Assert.Contains("压缩比", RefusalWording.Detail(refused));
    }

    [Fact]
    public void A_small_part_with_a_high_ratio_is_read()
    {
        var text = DocxText.Read(HostileBodies.ZipBomb(64 * 1024, "<w:p><w:r><w:t>法治</w:t></w:r></w:p>"));
        Assert.StartsWith("法治\n法治\n", text);
    }

    [Fact]
    public void Text_beyond_what_a_draft_may_hold_is_refused_while_reading()
    {
        var random = new Random(7);
        // Longer than deflate's 32 kB window, so the repeats cannot be compressed away and only the text limit applies.
        var paragraph = $"<w:p><w:r><w:t>{new string(Enumerable.Range(0, 12_000).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray())}</w:t></w:r></w:p>";
        var refused = Assert.Throws<ReportingException>(() => DocxText.Read(HostileBodies.ZipBomb(1_300_000, paragraph)));
        Assert.Equal(ProblemKind.PayloadTooLarge, refused.Kind);
        Assert.Contains("200000", RefusalWording.Detail(refused));
    }

    [Fact]
    public void A_docx_with_thousands_of_entries_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i <= DocxText.MaxEntries; i++) zip.CreateEntry($"word/media/{i}.bin");
        var refused = Assert.Throws<ReportingException>(() => DocxText.Read(buffer.ToArray()));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.Contains($"{DocxText.MaxEntries}", RefusalWording.Detail(refused));
    }

    [Fact]
    public void A_document_part_with_a_DTD_is_refused_so_entity_expansion_cannot_start()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open()))
            writer.Write("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"""
                + $"""<w:document xmlns:w="{HostileBodies.WordNamespace}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>""");
        var refused = Assert.Throws<ReportingException>(() => DocxText.Read(buffer.ToArray()));
        Assert.Equal(ProblemKind.Validation, refused.Kind);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_a_validation_problem()
    {
        Assert.Equal(ProblemKind.Validation, Assert.Throws<ReportingException>(() => DocxText.Read(Encoding.UTF8.GetBytes("不是压缩包"))).Kind);
    }

    /// <summary>A body that must not be read at all.</summary>
    private sealed class UnreadableStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new Xunit.Sdk.XunitException("the body was read");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new Xunit.Sdk.XunitException("the body was read");
    }

    /// <summary>A long body of one repeated byte after a prefix, produced as it is read.</summary>
    private sealed class RepeatingStream(byte value, long length, byte[] prefix) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill(value);
            if (_position < prefix.Length) prefix.AsSpan((int)_position, Math.Min(n, prefix.Length - (int)_position)).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
