using Reporting.Core.Errors;

namespace Reporting.Functions.Http;

/// <summary>Takes the text out of an uploaded draft: a UTF-8 .txt, or the paragraphs of a .docx.</summary>
public static class DraftFileReader
{
    public static string ReadText(UploadedFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        return extension switch
        {
            ".txt" => RequestFieldsReader.DecodeUtf8(file.Content, "file"),
            ".docx" => DocxText.Read(file.Content),
            _ => throw ReportingException.Invalid("file", $"不支持的文件类型“{extension}”，请上传 UTF-8 编码的 .txt 或 .docx 文件。"),
        };
    }
}
