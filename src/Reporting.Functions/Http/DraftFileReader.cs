using Reporting.Core.Errors;

namespace Reporting.Functions.Http;

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
            ".doc" or ".wps" => throw ReportingException.Invalid("file", $"暂不支持 {extension} 文件，请另存为 .docx 或 .txt 后重新上传。"),
            _ => throw ReportingException.Invalid("file", $"不支持的文件类型“{extension}”，请上传 .txt（UTF-8 或 GBK 编码）或 .docx 文件。"),
        };
    }
}
