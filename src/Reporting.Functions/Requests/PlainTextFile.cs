using System.Text;
using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>
/// Decodes an uploaded .txt: strict UTF-8 first, then GB18030 (a superset of GBK, which is what Notepad and WPS
/// save as "ANSI" on a Chinese Windows). GBK text is almost never valid UTF-8, so the strict attempt decides;
/// GB18030 is decoded strictly too, so a binary file is refused rather than stored as mojibake.
/// </summary>
public static class PlainTextFile
{
    private const int Gb18030CodePage = 54936;

    // The code-page encodings ship with .NET but are not registered by default; asking the provider directly
    // avoids changing process-wide Encoding.GetEncoding behaviour.
    private static readonly Encoding StrictGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
        Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    public static string Decode(byte[] bytes, string field)
    {
        if (TryDecodeUtf8(bytes) is { } utf8) return utf8;
        try
        {
            return StrictGb18030.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw ReportingException.Invalid(field, EdgeRefusalCode.TextFileEncoding);
        }
    }

    private static string? TryDecodeUtf8(byte[] bytes)
    {
        try
        {
            return RequestFieldsReader.DecodeUtf8(bytes, "file");
        }
        catch (ReportingException)
        {
            return null;
        }
    }
}
