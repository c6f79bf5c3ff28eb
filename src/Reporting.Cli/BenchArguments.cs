using System.Globalization;
using Reporting.Core.Documents;
using Reporting.Typesetting;

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

    /// <summary>
    /// Runs this program once per argument list, each in a fresh process so that its peak memory is its own, and
    /// prints the last table row (a line starting with |) each one prints.
    /// </summary>
    public static async Task RowsInFreshProcessesAsync(IEnumerable<string[]> argumentLists)
    {
        foreach (var arguments in argumentLists)
        {
            var self = Environment.ProcessPath!;
            var start = new System.Diagnostics.ProcessStartInfo(self) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(BenchArguments).Assembly.Location);
            foreach (var a in arguments) start.ArgumentList.Add(a);
            using var child = System.Diagnostics.Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            Console.Write(output.Split('\n').LastOrDefault(l => l.StartsWith('|')) + "\n");
        }
    }

    /// <summary>
    /// The report the benches submit, and its parts (<c>--fixture</c>, else the repository's kgj-2023.txt); null, with the
    /// reason on standard error, when there is none.
    /// </summary>
    public static (string File, IReadOnlyDictionary<string, string> Parts)? Fixture(string[] args)
    {
        var fixture = Text(args, "--fixture") ?? FindFixture();
        if (fixture is not null && File.Exists(fixture)) return (fixture, PlainTextReport.Parse(File.ReadAllText(fixture), new DocumentWords()).Parts);
        Console.Error.WriteLine("找不到报告样本（kgj-2023.txt），请用 --fixture 指定。");
        return null;
    }

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
