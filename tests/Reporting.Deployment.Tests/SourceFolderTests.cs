using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The folders show the rooms: a C# file's namespace is its project and its folders (src/Reporting.Core/Drafts/DraftReview.cs
/// is Reporting.Core.Drafts), so a type is found where its namespace says; and no project keeps a catch-all folder that
/// says nothing of what it holds (Core's Workflow/ and Abstractions/ gave way to Drafts/, Notices/, Queues/, …).
/// </summary>
public sealed partial class SourceFolderTests
{
    private static readonly string[] CatchAllFolders = ["Workflow", "Abstractions", "Common", "Shared", "Helpers", "Utilities", "Utils", "Misc"];

    [Fact]
    public void Every_C_sharp_file_declares_the_namespace_its_project_and_folders_name()
    {
        var files = RepositoryFiles.SourceFiles(".cs");
        var misplaced = new List<string>();
        foreach (var path in files)
        {
            var declared = FileScopedNamespace().Match(File.ReadAllText(Path.Combine(RepositoryFiles.Root, path)));
            if (!declared.Success) continue; // top-level statements (Program.cs) and global usings declare none
            var folders = path.Split('/')[1..^1];
            var expected = string.Join('.', folders);
            if (declared.Groups[1].Value != expected) misplaced.Add($"{path}: namespace {declared.Groups[1].Value}, its folder says {expected}");
        }

        Assert.True(files.Count > 300, $"only {files.Count} C# files found under src/ and tests/");
        Assert.True(misplaced.Count == 0, $"{misplaced.Count} file(s) whose namespace is not their folder's:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void No_project_has_a_catch_all_folder()
    {
        var catchAll = RepositoryFiles.SourceFiles(".cs")
            .SelectMany(path => path.Split('/')[2..^1].Select(folder => (Folder: folder, Path: path)))
            .Where(entry => CatchAllFolders.Contains(entry.Folder, StringComparer.OrdinalIgnoreCase))
            .Select(entry => entry.Path)
            .ToList();

        Assert.True(catchAll.Count == 0, "file(s) in a folder named for no room:\n" + string.Join("\n", catchAll));
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
