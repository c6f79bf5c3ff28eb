using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.Functions.Pages;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>
/// Reads an uploaded seal image: the request body itself (PUT with image/png), or the multipart field <c>file</c> (the
/// page's form, or curl -F). At most <see cref="SealImageRules.MaxBytes"/> is kept: a longer file is refused as too large
/// the moment it passes the limit, without reading the rest.
/// </summary>
public static class SealUpload
{
    /// <summary>Room for the boundaries and part headers around the file.</summary>
    private const long MaxEnvelopeBytes = 64 * 1024;

    /// <summary>Reads the upload and stores it as <paramref name="holder"/>'s seal; an image refused is a 400 naming the rule it broke.</summary>
    public static async Task<StoredSeal> StoreAsync(
        SealAdministration seals, SealOrganisation holder, HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await seals.UploadAsync(holder, await ReadAsync(request, cancellationToken), caller, cancellationToken);
        }
        catch (SealImageRejectedException e)
        {
            throw SealWords.Refused(e);
        }
    }

    /// <exception cref="SealImageRejectedException">the file is larger than a seal may be.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SealImageRules.MaxBytes + MaxEnvelopeBytes) throw new SealImageRejectedException(SealImageProblem.TooLarge);
        var type = request.ContentType is { } raw && MediaTypeHeaderValue.TryParse(raw, out var parsed) ? parsed : null;
        if (!string.Equals(type?.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return await ReadLimitedAsync(request.Body, cancellationToken);
        var boundary = HeaderUtilities.RemoveQuotes(type!.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw ReportingException.Invalid("body", EdgeRefusalCode.MultipartNoBoundary);
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null }; // the file's own limit answers
        var parts = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++parts > RequestFieldsReader.MaxFields)
                    throw ReportingException.Invalid("body", EdgeRefusalCode.UploadTooManyParts, RequestFieldsReader.MaxFields);
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Value == "file")
                    return await ReadLimitedAsync(section.Body, cancellationToken);
                await DrainLimitedAsync(section.Body, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException && e is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw ReportingException.Invalid("body", EdgeRefusalCode.UploadBroken);
        }
        throw SealWords.NoFile();
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            file.Write(buffer, 0, read);
            if (file.Length > SealImageRules.MaxBytes) throw new SealImageRejectedException(SealImageProblem.TooLarge);
        }
        return file.ToArray();
    }

    /// <summary>Another field of the form (there should be none): skipped, but never more than the envelope's room.</summary>
    private static async Task DrainLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            if ((total += read) > MaxEnvelopeBytes) throw ReportingException.Invalid("body", EdgeRefusalCode.SealFormFieldTooLong);
    }
}
