using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// Publishes the Functions app once (Release, as azd does) into a temporary folder. The build uses
/// its own artifacts folder so it never shares bin/ or obj/ with a build running beside it.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(9);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "reporting-publish-" + Guid.NewGuid().ToString("N"));

    public PublishedApp()
    {
        Directory = Path.Combine(_work, "publish");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "publish", RepositoryFiles.FunctionsProjectDirectory, "-c", "Release", "-o", Directory,
                     "--artifacts-path", Path.Combine(_work, "artifacts"), "--nologo", "-v", "quiet",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own build settings must not leak into the nested build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish did not finish within {Limit}.\n{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed with exit code {process.ExitCode}:\n{output}");
        }
    }

    /// <summary>The publish folder: what azd zips and deploys.</summary>
    public string Directory { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test run for.
        }
    }
}

public sealed class PublishOutputTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    /// <summary>Types that exist only for running on a development machine (Reporting.Development, Reporting.LocalHost).</summary>
    private static readonly HashSet<string> DevelopmentTypes =
    [
        "DevelopmentSignIn", "DevelopmentUsers", "DevelopmentIdentity", "DevSignInFunctions", "DevelopmentSeal", "DevelopmentSeals",
        "DevelopmentSigning", "AzuriteProcess", "LoopbackPorts", "PosixSignal", "LocalHostApp",
    ];

    private JsonDocument FunctionsMetadata()
    {
        var path = Path.Combine(app.Directory, "functions.metadata");
        Assert.True(File.Exists(path), "functions.metadata is missing from the publish output");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    [Fact]
    public void Functions_metadata_lists_the_functions_the_code_declares()
    {
        using var document = FunctionsMetadata();
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var published = document.RootElement.EnumerateArray()
            .Select(function => function.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        // [Function("Name")] / [Function(nameof(Name))] in the Functions project is what the app declares;
        // a name given any other way (a constant) is only counted.
        var attributes = System.IO.Directory.EnumerateFiles(RepositoryFiles.FunctionsProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\[Function\(\s*(?:""(?<name>[^""]+)""|nameof\((?:[\w.]+\.)?(?<name>\w+)\)|[^)\]]+)")
                .Select(match => match.Groups["name"].Success ? match.Groups["name"].Value : null))
            .ToList();
        var named = attributes.OfType<string>().Order(StringComparer.Ordinal).ToList();

        Assert.True(attributes.Count == published.Count,
            $"{attributes.Count} [Function] attribute(s) in the code, {published.Count} function(s) in functions.metadata: {string.Join(", ", published)}");
        var missing = named.Except(published, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Declared with [Function] but not in functions.metadata: " + string.Join(", ", missing));
    }

    [Fact]
    public void Host_json_is_the_repository_host_json()
    {
        var path = Path.Combine(app.Directory, "host.json");
        Assert.True(File.Exists(path), "host.json is missing from the publish output");

        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "host.json")).ReplaceLineEndings(),
            File.ReadAllText(path).ReplaceLineEndings());
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("2.0", document.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void The_extension_payload_is_published()
    {
        var extensions = Path.Combine(app.Directory, ".azurefunctions");
        Assert.True(System.IO.Directory.Exists(extensions), ".azurefunctions (the worker extension payload the host loads) is missing from the publish output");

        var files = System.IO.Directory.EnumerateFiles(extensions, "*", SearchOption.AllDirectories).Select(file => Path.GetFileName(file)).ToList();
        Assert.Contains("function.deps.json", files);
        Assert.Contains("Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader.dll", files);
        using (JsonDocument.Parse(File.ReadAllText(Path.Combine(extensions, "function.deps.json"))))
        {
        }

        // A queue trigger or output needs the host's storage queues extension in the payload.
        using var metadata = FunctionsMetadata();
        var bindingTypes = metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.TryGetProperty("bindings", out var bindings) ? bindings.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(binding => binding.GetProperty("type").GetString() ?? "")
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (bindingTypes.Contains("queueTrigger") || bindingTypes.Contains("queue"))
        {
            Assert.Contains(files, file => file.StartsWith("Microsoft.Azure.WebJobs.Extensions.Storage.Queues", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_worker_entry_point_is_published()
    {
        // worker.config.json is what the Functions host reads to start an isolated worker; a runtimeconfig.json does not stand in for it.
        var config = Path.Combine(app.Directory, "worker.config.json");
        Assert.True(File.Exists(config), "worker.config.json is missing from the publish output");
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        var description = document.RootElement.GetProperty("description");
        var worker = description.GetProperty("defaultWorkerPath").GetString();
        Assert.Equal("Reporting.Functions.dll", worker);
        Assert.True(File.Exists(Path.Combine(app.Directory, worker!)), $"worker.config.json names {worker}, which is not published");
    }

    [Fact]
    public void Every_font_file_the_default_typesetting_options_name_is_published_under_fonts()
    {
        // The typesetter needs TrueType faces at run time; Flex Consumption has no system CJK fonts. FontFiles looks in
        // {app}/fonts/{file name} first, so every face of every role, fallbacks included, must be there, byte for byte.
        var named = Reporting.Typesetting.TypesettingOptions.CreateDefault().Fonts.Values
            .SelectMany(face => face.Fallbacks.Prepend(face))
            .Select(face => face.File)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(named);

        var missing = named.Where(file => !File.Exists(Path.Combine(app.Directory, "fonts", Path.GetFileName(file)))).ToList();
        Assert.True(missing.Count == 0, "Not in fonts/ of the publish output: " + string.Join(", ", missing));
        foreach (var file in named.Where(File.Exists))
            Assert.True(new FileInfo(file).Length == new FileInfo(Path.Combine(app.Directory, "fonts", Path.GetFileName(file))).Length,
                $"fonts/{Path.GetFileName(file)} differs in size from {file}");
    }

    [Fact]
    public void Every_default_face_and_fallback_is_published_under_fonts()
    {
        // The Fandol faces come from the cache .ci/setup fills; a build without it would leave them out silently
        // and the app would stop at start-up, so the package is checked here.
        var expected = Reporting.Typesetting.FontRoles.All
            .Select(Reporting.Typesetting.TypesettingOptions.DefaultFace)
            .SelectMany(face => face.Fallbacks.Prepend(face))
            .Select(face => Path.GetFileName(face.File))
            .Distinct()
            .ToList();
        Assert.Contains("FandolFang-Regular.ttf", expected);
        Assert.All(expected, name => Assert.True(File.Exists(Path.Combine(app.Directory, "fonts", name)),
            $"fonts/{name} is not in the publish output (run .ci/setup)."));
    }

    [Fact]
    public void Nothing_that_exists_only_for_local_running_is_published()
    {
        var files = System.IO.Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories).ToList();
        var found = files.Where(file => Path.GetFileName(file) is "azurite-launcher.js" or "Reporting.Development.dll" or "Reporting.LocalHost.dll")
            .Select(file => Path.GetRelativePath(app.Directory, file))
            .ToList();
        var assemblies = 0;
        foreach (var file in files.Where(file => file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            using var pe = new PEReader(File.OpenRead(file));
            if (!pe.HasMetadata) continue;
            assemblies++;
            var metadata = pe.GetMetadataReader();
            found.AddRange(metadata.TypeDefinitions
                .Select(handle => metadata.GetTypeDefinition(handle))
                .Where(type => metadata.GetString(type.Namespace).StartsWith("Reporting", StringComparison.Ordinal)
                               && DevelopmentTypes.Contains(metadata.GetString(type.Name)))
                .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)} in {Path.GetFileName(file)}"));
        }

        Assert.True(assemblies > 10, $"only {assemblies} assemblies with metadata in the publish output");
        Assert.True(found.Count == 0, "Development-only code in the publish output: " + string.Join("; ", found));
    }
}
