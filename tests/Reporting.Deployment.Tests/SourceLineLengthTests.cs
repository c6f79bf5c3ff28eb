namespace Reporting.Deployment.Tests;

/// <summary>
/// No source line over 160 characters (UTF-16 code units, as an editor's column counts a Chinese character once):
/// every C# file and page template (.liquid) under src/ and tests/. Bicep, JSON and Markdown are not counted.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int Max = 160;

    [Fact]
    public void No_line_of_C_sharp_or_of_a_page_template_is_longer_than_160_characters()
    {
        var files = RepositoryFiles.SourceFiles(".cs", ".liquid");

        var tooLong = files
            .SelectMany(path => File.ReadLines(Path.Combine(RepositoryFiles.Root, path))
                .Select((line, index) => (Line: line, Where: $"{path}:{index + 1} ({line.Length})")))
            .Where(line => line.Line.Length > Max)
            .Select(line => line.Where)
            .ToList();

        Assert.True(files.Count(path => path.EndsWith(".cs", StringComparison.Ordinal)) > 300, $"only {files.Count} source files found under src/ and tests/");
        Assert.Contains(files, path => path.EndsWith(".liquid", StringComparison.Ordinal));
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over {Max} characters:\n" + string.Join("\n", tooLong));
    }
}
