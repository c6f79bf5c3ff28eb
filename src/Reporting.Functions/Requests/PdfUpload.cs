using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;
using Reporting.Typesetting.Signing;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads the PDF a person uploads to be verified (multipart field <c>file</c>) as it streams in: its SHA-256, and its
/// last bytes (<see cref="SignatureFacts.TailBytes"/>, where the signature lies) held in memory for the request, never
/// stored or logged; it is refused the moment it is too large, empty, or does not begin as a PDF does.
/// </summary>
public static class PdfUpload
{
    /// <summary>Largest file verified: far above any report or volume this system makes.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Room for the boundaries and part headers around the file (and a few small fields a form may add).</summary>
    private const long MaxEnvelopeBytes = 64 * 1024;

    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();

    /// <summary>The uploaded file's lowercase hex SHA-256 and its last bytes.</summary>
    public sealed record Upload(string Sha256, byte[] Tail);

    public static async Task<Upload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFileBytes + MaxEnvelopeBytes) throw TooLarge();
        var type = request.ContentType is { } raw && MediaTypeHeaderValue.TryParse(raw, out var parsed) ? parsed : null;
        if (!string.Equals(type?.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new ReportingException(ProblemKind.UnsupportedMediaType, Refusal.Of(EdgeRefusalCode.UploadNotMultipart));
        var boundary = HeaderUtilities.RemoveQuotes(type!.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw ReportingException.Invalid("body", EdgeRefusalCode.MultipartNoBoundary);
        var body = new LimitedReadStream(request.Body, MaxFileBytes + MaxEnvelopeBytes, TooLarge);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null }; // the file's own limit answers 413
        Upload? upload = null;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > RequestFieldsReader.MaxFields)
                    throw ReportingException.Invalid("body", EdgeRefusalCode.UploadTooManyParts, RequestFieldsReader.MaxFields);
                var isFile = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file";
                if (isFile && upload is null) upload = await HashPdfAsync(section.Body, cancellationToken);
                else await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException && e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw ReportingException.Invalid("body", EdgeRefusalCode.UploadBroken);
        }
        return upload ?? throw ReportingException.Invalid("file", EdgeRefusalCode.UploadFileMissing);
    }

    private static async Task<Upload> HashPdfAsync(Stream file, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tail = new TailBuffer(SignatureFacts.TailBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long length = 0;
            var head = new byte[PdfHeader.Length];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (length < head.Length) buffer.AsSpan(0, Math.Min(read, head.Length - (int)length)).CopyTo(head.AsSpan((int)length));
                length += read;
                if (length > MaxFileBytes) throw TooLarge();
                // Refused as soon as the first bytes show it is no PDF: the rest need not be read.
                if (length >= head.Length && !head.AsSpan().SequenceEqual(PdfHeader)) throw NotPdf();
                hash.AppendData(buffer, 0, read);
                tail.Append(buffer.AsSpan(0, read));
            }
            if (length == 0) throw ReportingException.Invalid("file", EdgeRefusalCode.UploadFileEmpty);
            if (length < head.Length) throw NotPdf();
            return new Upload(Convert.ToHexStringLower(hash.GetHashAndReset()), tail.ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReportingException NotPdf() =>
        ReportingException.Invalid("file", EdgeRefusalCode.UploadNotPdf);

    private static ReportingException TooLarge() =>
        new(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.UploadTooLarge, MaxFileBytes / 1024 / 1024));

    /// <summary>The last <paramref name="size"/> bytes of a stream read chunk by chunk.</summary>
    private sealed class TailBuffer(int size)
    {
        private readonly byte[] _bytes = new byte[size];
        private int _length;

        public void Append(ReadOnlySpan<byte> data)
        {
            if (data.Length >= size)
            {
                data[^size..].CopyTo(_bytes);
                _length = size;
                return;
            }
            var keep = Math.Min(_length, size - data.Length);
            _bytes.AsSpan(_length - keep, keep).CopyTo(_bytes);
            data.CopyTo(_bytes.AsSpan(keep));
            _length = keep + data.Length;
        }

        public byte[] ToArray() => _bytes[.._length];
    }
}
