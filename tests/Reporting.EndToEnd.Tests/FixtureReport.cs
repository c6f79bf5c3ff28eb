using Reporting.TestSupport;

namespace Reporting.EndToEnd.Tests;

/// <summary>The real report (魏都区科工局, 2023) cut into the parts staff would submit, each with its own heading line as written.</summary>
public static class FixtureReport
{
    public static readonly string[] RequiredSections = ["preamble", "duty", "measures", "shortcomings", "plans"];

    public static IReadOnlyDictionary<string, string> Parts { get; } = Split(RepoPaths.FixtureText("kgj-2023.txt"));

    /// <summary>
    /// Every line of the fixture's text in order, its 一、 headings included (a heading the department wrote is
    /// printed as written); the title is left out, since the report's title is the template's.
    /// </summary>
    public static IReadOnlyList<string> BodyParagraphs { get; } = Parts.Values
        .SelectMany(p => p.Split('\n'))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0)
        .ToList();

    private static Dictionary<string, string> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Skip(1).ToList();
        var parts = new Dictionary<string, List<string>> { ["preamble"] = [] };
        var current = "preamble";
        foreach (var line in lines)
        {
            var index = Array.FindIndex(["一、", "二、", "三、", "四、"], n => line.StartsWith(n, StringComparison.Ordinal));
            if (index >= 0) { current = RequiredSections[index + 1]; parts[current] = []; }
            parts[current].Add(line);
        }
        return parts.ToDictionary(p => p.Key, p => string.Join('\n', p.Value).Trim());
    }
}
