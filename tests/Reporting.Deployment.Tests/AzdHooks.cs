using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>The hooks azure.yaml runs around azd's steps.</summary>
internal static class AzdHooks
{
    /// <summary>Asserts azure.yaml runs the POSIX sh script <paramref name="path"/> as its <paramref name="hook"/> hook, stopping azd when it fails.</summary>
    public static void AssertWired(string hook, string path)
    {
        var azureYaml = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "azure.yaml"));
        Assert.Matches(@"(?m)^hooks:\s*$", azureYaml);
        var entry = Regex.Match(azureYaml, $@"(?m)^[ \t]+{hook}:\s*\n(?<body>(?:[ \t]{{4,}}.*\n?)+)");

        Assert.True(entry.Success, $"azure.yaml has no hooks: {hook}: entry");
        Assert.Matches(@"(?m)^\s+run:\s*" + Regex.Escape(path) + @"\s*$", entry.Groups["body"].Value);
        Assert.Matches(@"(?m)^\s+shell:\s*sh\s*$", entry.Groups["body"].Value);
        Assert.Matches(@"(?m)^\s+continueOnError:\s*false\s*$", entry.Groups["body"].Value);
        var script = Path.Combine(RepositoryFiles.Root, path);
        Assert.True(File.Exists(script), $"azure.yaml runs {path}, which does not exist");
        Assert.StartsWith("#!/bin/sh\n", File.ReadAllText(script), StringComparison.Ordinal);
    }
}
