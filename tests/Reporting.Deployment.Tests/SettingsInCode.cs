using System.Reflection;
using System.Text.RegularExpressions;
using Reporting.Functions;

namespace Reporting.Deployment.Tests;

/// <summary>
/// The settings the app reads, found in the code of src/Reporting.Functions rather than in a list kept by hand:
/// options classes bound to a section (each settable property is "Section__Property", found by reflection),
/// single settings read by key, the storage connection's sub-settings, and the %setting% and Connection
/// names of trigger attributes (resolved by the Functions host).
/// </summary>
internal static class SettingsInCode
{
    /// <summary>Settings the Functions host itself reads for the identity-based storage connection; the app's code never does.</summary>
    public static readonly IReadOnlySet<string> ReadByTheFunctionsHost = new HashSet<string>(StringComparer.Ordinal)
    {
        AppSettingNames.StorageCredential,
    };

    private static readonly Lazy<Found> LazyFound = new(Find);

    /// <summary>Exact setting names.</summary>
    public static IReadOnlySet<string> Names => LazyFound.Value.Names;

    /// <summary>Prefixes of settings under a complex property (a dictionary of font roles: "Typesetting__Fonts__").</summary>
    public static IReadOnlySet<string> Prefixes => LazyFound.Value.Prefixes;

    public static bool Reads(string setting) =>
        Names.Contains(setting) || Prefixes.Any(prefix => setting.StartsWith(prefix, StringComparison.Ordinal)) || ReadByTheFunctionsHost.Contains(setting);

    private sealed record Found(HashSet<string> Names, HashSet<string> Prefixes);

    private static Found Find()
    {
        var source = string.Join('\n', Directory.EnumerateFiles(RepositoryFiles.FunctionsProjectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);

        foreach (Match bind in Regex.Matches(source, @"Bind<(?<type>\w+)>\(\s*configuration\s*,\s*(?:""(?<section>[\w:]+)""|(?<owner>\w+)\.Section\w*)\s*\)"))
        {
            var type = OptionsType(bind.Groups["type"].Value);
            var section = bind.Groups["section"].Success
                ? bind.Groups["section"].Value
                : (string)OptionsType(bind.Groups["owner"].Value).GetFields(BindingFlags.Public | BindingFlags.Static)
                    .First(field => field.IsLiteral && field.Name.StartsWith("Section", StringComparison.Ordinal)).GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var name = $"{section.Replace(":", "__", StringComparison.Ordinal)}__{property.Name}";
                if (IsScalar(property.PropertyType)) names.Add(name);
                else prefixes.Add(name + "__");
            }
        }

        foreach (var pattern in new[]
                 {
                     @"configuration\[\s*Key\(\s*AppSettingNames\.(?<constant>\w+)\s*\)\s*\]",  // a single setting read by key
                     @"GetSection\(\s*AppSettingNames\.(?<constant>\w+)\s*\)",                 // a section's own value
                     @"""%""\s*\+\s*AppSettingNames\.(?<constant>\w+)\s*\+\s*""%""",            // %setting% in a trigger attribute
                     @"Connection\s*=\s*AppSettingNames\.(?<constant>\w+)",                     // a trigger's connection
                 })
        {
            foreach (Match read in Regex.Matches(source, pattern)) names.Add(Constant(read.Groups["constant"].Value));
        }

        // Sub-settings of the storage connection, read from its section in ReadStorageOptions.
        foreach (Match key in Regex.Matches(source, @"\bsection\[""(?<key>\w+)""\]")) names.Add(
            $"{AppSettingNames.StorageConnection}__{key.Groups["key"].Value}");

        return new Found(names, prefixes);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri)
            || t == typeof(DateTimeOffset);
    }

    private static string Constant(string field) =>
        (string?)typeof(AppSettingNames).GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
        ?? throw new InvalidOperationException($"The code reads AppSettingNames.{field}, which is not a constant there.");

    private static Type OptionsType(string name) =>
        new[] { typeof(AppSettingNames).Assembly, typeof(Reporting.Core.ReportingOptions).Assembly,
            typeof(Reporting.Azure.Storage.StorageOptions).Assembly, typeof(Reporting.Typesetting.TypesettingOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SingleOrDefault(type => type.Name == name)
        ?? throw new InvalidOperationException($"The code binds {name}, which no Reporting assembly defines.");
}
