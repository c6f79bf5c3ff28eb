using System.Text;

namespace Reporting.Azure.Blobs;

/// <summary>RFC 6266 Content-Disposition with an ASCII fallback and the real (Chinese) name in filename*.</summary>
public static class ContentDisposition
{
    public static string Attachment(string fileName)
    {
        var ascii = new string(fileName.Select(c => c is >= ' ' and <= '~' && c is not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Encode(fileName)}";
    }

    /// <summary>RFC 5987 attr-char percent-encoding of the UTF-8 bytes.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c)) builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }
}
