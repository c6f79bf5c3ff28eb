namespace Reporting.TestSupport;

/// <summary>Finds the repository root (the folder with Functions.sln) and the fixtures kept in it (tests/fixtures).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/fixtures: the real report and the directory file, inside the repository so a lone clone runs.</summary>
    public static string Fixtures { get; } = Path.Combine(Root, "tests", "fixtures");

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    public static string FixtureText(string name) => File.ReadAllText(Fixture(name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
