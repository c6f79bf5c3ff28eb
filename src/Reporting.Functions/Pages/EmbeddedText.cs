namespace Reporting.Functions.Pages;

/// <summary>
/// Text files embedded in this assembly beside the class that uses them (page templates, style sheets), by file name.
/// A file's final line break is the file's, not the text's: it is left out, so every file ends with a newline as text
/// files do while the page gets exactly the text the file shows.
/// </summary>
internal static class EmbeddedText
{
    /// <exception cref="InvalidOperationException">no such file is embedded.</exception>
    public static string Read(string file)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        var resource = "Reporting.Functions." + file;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{file} is not embedded in {assembly.GetName().Name} (resource {resource}).");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().ReplaceLineEndings("\n");
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
