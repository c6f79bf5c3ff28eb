namespace Reporting.TestSupport;

/// <summary>Finds the repository root (the folder with Functions.sln) and the shared fixtures beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>shared/fixtures: beside the repository in CI and in the work tree (../shared/fixtures).</summary>
    public static string Fixtures { get; } = FindFixtures();

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    public static string FixtureText(string name) => File.ReadAllText(Fixture(name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Functions.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindFixtures()
    {
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures");
            if (File.Exists(Path.Combine(candidate, "kgj-2023.txt"))) return candidate;
        }
        throw new DirectoryNotFoundException("shared/fixtures (with kgj-2023.txt) not found beside " + Root);
    }
}
