namespace Reporting.Functions.Requests;

/// <summary>The fields of a form or JSON request, decoded strictly as UTF-8, and an uploaded file if any.</summary>
public sealed class RequestFields(Dictionary<string, string> values, UploadedFile? file)
{
    public UploadedFile? File { get; } = file;

    public string? this[string name] => values.GetValueOrDefault(name);
}

public sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
