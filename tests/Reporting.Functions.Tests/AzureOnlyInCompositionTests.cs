using System.Reflection;
using Reporting.Functions;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>
/// The app layer talks to storage, queues and mail only through Core's ports: outside the composition (Program.cs,
/// ReportingServices.cs and the Composition folder) Reporting.Functions names no Reporting.Azure type, so the adapters
/// own their wire formats and SDK errors and can change without touching a function.
/// </summary>
public sealed class AzureOnlyInCompositionTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "Reporting.Functions");
    private static readonly Assembly Functions = typeof(ReportingServices).Assembly;
    private static readonly Assembly Adapters = typeof(Reporting.Azure.Storage.StorageClients).Assembly;
    private const string CompositionNamespace = "Reporting.Functions.Composition";

    private static bool IsComposition(string file)
    {
        var relative = Path.GetRelativePath(Project, file).Replace('\\', '/');
        return relative is "Program.cs" or "ReportingServices.cs" || relative.StartsWith("Composition/", StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_file_outside_the_composition_names_the_azure_adapters()
    {
        var sources = Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, IsComposition);  // the scan looks where the composition is, so it would see a leak

        var leaks = sources.Where(f => !IsComposition(f) && File.ReadAllText(f).Contains("Reporting.Azure", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Project, f));

        Assert.Empty(leaks);
    }

    [Fact]
    public void No_type_outside_the_composition_takes_holds_or_returns_an_azure_adapter_type()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var composition = Functions.GetTypes().Where(InComposition).ToList();
        Assert.Contains(composition, t => t.GetMethods(all).SelectMany(Signature).Any(FromAdapters));  // the check does see Azure types where they are

        var leaks = Functions.GetTypes().Where(t => !InComposition(t))
            .SelectMany(t => Uses(t, all).Where(FromAdapters).Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(leaks);
    }

    private static bool InComposition(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            if (t == typeof(ReportingServices) || t.Namespace == CompositionNamespace || t.Name.Contains("Program", StringComparison.Ordinal)) return true;
        return false;
    }

    private static IEnumerable<Type> Uses(Type type, BindingFlags all) =>
        new[] { type.BaseType }.Concat(type.GetInterfaces())
            .Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(all).SelectMany(Signature))
            .OfType<Type>();

    private static IEnumerable<Type> Signature(MethodInfo method) => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType);

    /// <summary>The type, or any type it is made of (T[], Task&lt;T&gt;, Func&lt;T&gt;), comes from Reporting.Azure.</summary>
    private static bool FromAdapters(Type type) =>
        type.Assembly == Adapters
        || type.HasElementType && FromAdapters(type.GetElementType()!)
        || type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(FromAdapters);
}
