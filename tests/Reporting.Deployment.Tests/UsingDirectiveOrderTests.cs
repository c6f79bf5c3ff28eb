namespace Reporting.Deployment.Tests;

/// <summary>
/// The using directives at the top of every C# file under src/ and tests/ stand as `dotnet format` orders them: plain
/// usings first (System and System.* before the rest, then by name), then `using static`, then aliases. CI checks
/// whitespace with `dotnet format whitespace --folder` and style rules in the build (EnforceCodeStyleInBuild), both
/// without the four minutes a full `dotnet format --verify-no-changes` spends compiling; the order of imports is the
/// one part of the house style neither covers, so it is checked here.
/// </summary>
public sealed class UsingDirectiveOrderTests
{
    [Fact]
    public void Using_directives_are_ordered_system_first_then_by_name_then_static_then_aliases()
    {
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .ToList();

        var misordered = files
            .Where(path => !IsOrdered(LeadingUsings(File.ReadLines(Path.Combine(RepositoryFiles.Root, path)))))
            .ToList();

        Assert.True(files.Count > 300, $"only {files.Count} source files found under src/ and tests/");
        Assert.True(misordered.Count == 0,
            $"{misordered.Count} file(s) with using directives out of order (run `dotnet format Functions.sln`):\n" + string.Join("\n", misordered));
    }

    [Theory]
    [InlineData("using System;|using System.Text;|using Azure;|using Reporting.Core;", true)]
    [InlineData("using Azure;|using System;", false)]
    [InlineData("using Reporting.Core;|using Azure;", false)]
    [InlineData("using System.Text;|using System;", false)]
    [InlineData("using Azure;|using static Reporting.X;|using Json = System.Text.Json;", true)]
    [InlineData("using static Reporting.X;|using Azure;", false)]
    public void The_order_check_tells_ordered_from_misordered_directives(string directives, bool ordered) =>
        Assert.Equal(ordered, IsOrdered(LeadingUsings(directives.Split('|'))));

    /// <summary>The using directives before the first other declaration; comments and blank lines skipped.</summary>
    private static List<string> LeadingUsings(IEnumerable<string> lines)
    {
        var usings = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#')) continue;
            if (!line.StartsWith("using ", StringComparison.Ordinal) || !line.EndsWith(';') || line.Contains('(')) break;
            usings.Add(line["using ".Length..^1].Trim());
        }
        return usings;
    }

    private static bool IsOrdered(List<string> usings)
    {
        var keys = usings.Select(SortKey).ToList();
        return keys.Zip(keys.Skip(1)).All(pair => Compare(pair.First, pair.Second) <= 0);
    }

    private static (int Group, int SystemFirst, string Name) SortKey(string directive)
    {
        if (directive.StartsWith("static ", StringComparison.Ordinal)) return (1, 0, directive["static ".Length..]);
        if (directive.Contains('=')) return (2, 0, directive);
        var system = directive == "System" || directive.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1;
        return (0, system, directive);
    }

    private static int Compare((int Group, int SystemFirst, string Name) a, (int Group, int SystemFirst, string Name) b)
    {
        if (a.Group != b.Group) return a.Group.CompareTo(b.Group);
        if (a.SystemFirst != b.SystemFirst) return a.SystemFirst.CompareTo(b.SystemFirst);
        return StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
    }
}
