using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads urlencoded, multipart or JSON bodies without ever guessing at bad bytes: text that is not valid
/// UTF-8 is refused (ASP.NET's own form reader would silently turn it into U+FFFD and store that).
/// </summary>
public static class RequestFieldsReader
{
    /// <summary>Largest request accepted: a 200,000-character body percent-encodes to about 1.8 MB; a .docx may be larger.</summary>
    public const int MaxRequestBytes = 16 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>
    /// Most fields (or multipart parts) a request may carry: the form has six, identity may add a token. A body of
    /// thousands of tiny parts is refused long before it could cost memory or time.
    /// </summary>
    public const int MaxFields = 20;

    /// <summary>Largest text field: 200,000 characters of four UTF-8 bytes each fit; only an uploaded file may be larger.</summary>
    public const int MaxFieldBytes = 1024 * 1024;

    /// <param name="json">What a JSON body's fields must be (forms carry only text).</param>
    public static async Task<RequestFields> ReadAsync(HttpRequest request, JsonFields json, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxRequestBytes) throw TooLarge();
        var type = request.ContentType is { } raw && MediaTypeHeaderValue.TryParse(raw, out var parsed) ? parsed : null;
        var media = type?.MediaType.Value?.ToLowerInvariant();
        // Counted here rather than left to Kestrel's MaxRequestBodySize or the Functions host's own limit, so both hosts refuse the same body.
        var body = new LimitedReadStream(request.Body, MaxRequestBytes, TooLarge);
        if (media == "multipart/form-data")
            return await ReadMultipartAsync(body, type!, cancellationToken);
        var bytes = await ReadBodyAsync(body, cancellationToken);
        return media switch
        {
            "application/x-www-form-urlencoded" => new RequestFields(ParseUrlEncoded(bytes), null),
            "application/json" => new RequestFields(ParseJson(bytes, json), null),
            _ => throw new ReportingException(ProblemKind.UnsupportedMediaType, Refusal.Of(EdgeRefusalCode.ContentTypeUnsupported)),
        };
    }

    public static string DecodeUtf8(byte[] bytes, string field)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            throw ReportingException.Invalid(field, EdgeRefusalCode.FieldNotUtf8);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> ParseUrlEncoded(byte[] bytes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var pair in SplitBytes(bytes, (byte)'&'))
        {
            if (pair.Length == 0) continue;
            if (++count > MaxFields) throw TooManyFields();
            var eq = Array.IndexOf(pair, (byte)'=');
            var name = DecodeUtf8(PercentDecode(eq < 0 ? pair : pair[..eq]), "form");
            var raw = PercentDecode(eq < 0 ? [] : pair[(eq + 1)..]);
            if (raw.Length > MaxFieldBytes) throw FieldTooLarge(name);
            var value = DecodeUtf8(raw, name);
            fields.TryAdd(name, value);
        }
        return fields;
    }

    private static IEnumerable<byte[]> SplitBytes(byte[] bytes, byte separator)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != separator) continue;
            yield return bytes[start..i];
            start = i + 1;
        }
    }

    private static byte[] PercentDecode(byte[] input)
    {
        var output = new List<byte>(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == '+') output.Add((byte)' ');
            else if (b == '%' && i + 2 < input.Length && Uri.IsHexDigit((char)input[i + 1]) && Uri.IsHexDigit((char)input[i + 2]))
            {
                output.Add(Convert.ToByte(Encoding.ASCII.GetString(input, i + 1, 2), 16));
                i += 2;
            }
            else output.Add(b);
        }
        return output.ToArray();
    }

    private static Dictionary<string, string> ParseJson(byte[] bytes, JsonFields shape)
    {
        var text = DecodeUtf8(bytes, "body");
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw ReportingException.Invalid("body", EdgeRefusalCode.JsonNotObject);
        if (document.RootElement.EnumerateObject().Count() > MaxFields) throw TooManyFields();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        try
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // The first of repeated names wins, as in a form; null is absent; fields the endpoint does not read are ignored.
                var name = property.Name;
                if (fields.ContainsKey(name) || errors.Has(name) || shape.Find(name) is not { } expected
                    || property.Value.ValueKind == JsonValueKind.Null) continue;
                if (!JsonFields.Fits(expected, property.Value.ValueKind))
                    errors.Add(name, EdgeRefusalCode.JsonKindMismatch, name, expected, property.Value.ValueKind);
                else fields[name] = expected == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON syntax but no Unicode text; System.Text.Json refuses to decode it.
            throw ReportingException.Invalid("body", EdgeRefusalCode.JsonLoneSurrogate);
        }
        errors.ThrowIfAny();
        if (fields.FirstOrDefault(f => Encoding.UTF8.GetByteCount(f.Value) > MaxFieldBytes) is { Key: { } large }) throw FieldTooLarge(large);
        return fields;
    }

    private static async Task<RequestFields> ReadMultipartAsync(Stream body, MediaTypeHeaderValue type, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw ReportingException.Invalid("body", EdgeRefusalCode.MultipartNoBoundary);
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null }; // the raw body's limit governs, as 413
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        UploadedFile? file = null;
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > MaxFields) throw TooManyFields();
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || disposition.Name.Value is not { } name) continue;
                name = HeaderUtilities.RemoveQuotes(name).Value!;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                var bytes = await ReadBodyAsync(string.IsNullOrEmpty(fileName)
                    ? new LimitedReadStream(section.Body, MaxFieldBytes, () => FieldTooLarge(name)) : section.Body, cancellationToken);
                if (!string.IsNullOrEmpty(fileName))
                {
                    if (bytes.Length > 0) file ??= new UploadedFile(fileName, section.ContentType, bytes);
                }
                else fields.TryAdd(name, DecodeUtf8(bytes, name));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException && e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A body that ends before its closing boundary, or whose part headers are broken: the client's fault, not ours.
            throw ReportingException.Invalid("body", EdgeRefusalCode.MultipartBroken);
        }
        return new RequestFields(fields, file);
    }

    private static ReportingException FieldTooLarge(string name) =>
        new(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.FieldTooLarge, name.Length > 20 ? name[..20] + "…" : name, MaxFieldBytes / 1024 / 1024));

    private static ReportingException TooManyFields() =>
        new(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.TooManyFields, MaxFields));

    private static ReportingException TooLarge() =>
        new(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.RequestTooLarge, MaxRequestBytes / 1024 / 1024));
}
