using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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
            ".docx" => ReadDocx(file.Content),
            _ => throw ReportingException.Invalid("file", $"不支持的文件类型“{extension}”，请上传 UTF-8 编码的 .txt 或 .docx 文件。"),
        };
    }

    private static string ReadDocx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw ReportingException.Invalid("file", ".docx 文件中没有正文。");
            return string.Join('\n', body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));
        }
        catch (Exception e) when (e is not ReportingException)
        {
            throw ReportingException.Invalid("file", "无法读取该 .docx 文件，请确认文件未损坏。");
        }
    }
}
