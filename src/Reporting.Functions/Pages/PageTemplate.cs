using Fluid;

namespace Reporting.Functions.Pages;

/// <summary>
/// A Liquid template of this app, parsed once: the text of one or more <c>.liquid</c> files embedded in this assembly
/// (each beside the class that renders it), joined in order. A page that shares the common head or layout names
/// those files first. Each file's final line break is the file's, not the page's: it is left out, so a template file
/// ends with a newline as every text file does while the page reads exactly as its template says.
/// </summary>
public sealed class PageTemplate
{
    private static readonly FluidParser Parser = new();

    private PageTemplate(string name, string source)
    {
        Name = name;
        Source = source;
        Parsed = Parser.TryParse(source, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException($"Page template {name} does not parse: {error}");
    }

    /// <summary>The files joined, by name (for messages).</summary>
    public string Name { get; }

    /// <summary>The Liquid text as parsed.</summary>
    public string Source { get; }

    internal IFluidTemplate Parsed { get; }

    /// <summary>
    /// The template made of the embedded files <paramref name="files"/> (names without <c>.liquid</c>, such as
    /// <c>TodoPage</c> or <c>PublicSitePages.Report</c>), joined in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">a file is not embedded, or the text does not parse.</exception>
    public static PageTemplate Of(params string[] files) =>
        new(string.Join(" + ", files), string.Concat(files.Select(Text)));

    /// <summary>A template from Liquid text written in code (a test's page body), parsed once like the embedded ones.</summary>
    /// <exception cref="InvalidOperationException">the text does not parse.</exception>
    public static PageTemplate FromText(string source) => new("(text)", source);

    /// <summary>The text of the embedded file <paramref name="file"/><c>.liquid</c>, without its final line break.</summary>
    internal static string Text(string file) => EmbeddedText.Read(file + ".liquid");
}
