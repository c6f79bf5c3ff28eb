using System.Globalization;

namespace Reporting.Cli;

/// <summary>The option reading and fixture lookup every bench shares.</summary>
internal static class BenchArguments
{
    public static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>The real report the benches typeset: tests/fixtures/kgj-2023.txt of the repository above the working directory.</summary>
    public static string? FindFixture()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "kgj-2023.txt");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
