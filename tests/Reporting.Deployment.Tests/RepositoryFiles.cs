using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>Finds the repository and reads the deployment files in it.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Functions.sln.</summary>
    public static string Root => LazyRoot.Value;

    public static string InfraDirectory => Path.Combine(Root, "infra");

    /// <summary>The function app module: its <c>appSettings</c> array lists every setting the app gets in Azure.</summary>
    public static string FunctionAppModule => Path.Combine(InfraDirectory, "app", "api.bicep");

    public static string FunctionsProjectDirectory => Path.Combine(Root, "src", "Reporting.Functions");

    /// <summary>
    /// The source files under src/ and tests/ whose names end in one of <paramref name="extensions"/>, as paths relative to the
    /// repository with '/' (build output in bin/ and obj/ left out).
    /// </summary>
    public static IReadOnlyList<string> SourceFiles(params string[] extensions) =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(path => extensions.Any(extension => path.EndsWith(extension, StringComparison.Ordinal)))
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every .bicep file under infra/, relative path → text.</summary>
    public static IReadOnlyDictionary<string, string> BicepFiles() =>
        Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}tools{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToDictionary(path => Path.GetRelativePath(Root, path), File.ReadAllText);

    /// <summary>
    /// The setting names in the <c>var appSettings = [ ... ]</c> array of the function app module:
    /// each entry is written <c>{ name: 'X', value: ... }</c>.
    /// </summary>
    public static IReadOnlyList<string> BicepAppSettingNames()
    {
        var lines = File.ReadAllLines(FunctionAppModule);
        var start = Array.FindIndex(lines, line => Regex.IsMatch(line, @"^var\s+appSettings\s*=\s*\[\s*$"));
        if (start < 0)
        {
            throw new InvalidOperationException($"{FunctionAppModule} has no line 'var appSettings = [' (the list of app settings this test reads).");
        }

        var end = Array.FindIndex(lines, start + 1, line => line.TrimEnd() == "]");
        if (end < 0)
        {
            throw new InvalidOperationException($"The appSettings array in {FunctionAppModule} has no closing ']' line.");
        }

        var names = new List<string>();
        for (var i = start + 1; i < end; i++)
        {
            var code = StripComment(lines[i]);
            foreach (Match match in Regex.Matches(code, @"\bname:\s*'([^']+)'"))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    }

    private static string StripComment(string line)
    {
        var index = line.IndexOf("//", StringComparison.Ordinal);
        return index < 0 ? line : line[..index];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
