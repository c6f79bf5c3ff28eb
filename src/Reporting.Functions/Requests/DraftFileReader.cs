using Reporting.Core.Errors;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Requests;

/// <summary>Takes the text out of an uploaded draft: a .txt (UTF-8 or GBK/GB18030), or the paragraphs of a .docx.</summary>
public static class DraftFileReader
{
    public static string ReadText(UploadedFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        return extension switch
        {
            ".txt" => PlainTextFile.Decode(file.Content, "file"),
            ".docx" => DocxText.Read(file.Content),
            // Word 97–2003 and WPS's own format are binary; reading them needs a converter this app does not carry.
            ".doc" or ".wps" => throw ReportingException.Invalid("file", EdgeRefusalCode.FileTypeOldWord, extension),
            _ => throw ReportingException.Invalid("file", EdgeRefusalCode.FileTypeUnknown, extension),
        };
    }
}
