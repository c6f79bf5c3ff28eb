using Reporting.Functions.Pages;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The page templates are .liquid files beside their pages, embedded in the app and parsed once.</summary>
public sealed class PageTemplateTests
{
    private static readonly string Functions = Path.Combine(RepoPaths.Root, "src", "Reporting.Functions");

    [Fact]
    public void Every_liquid_file_of_the_app_is_embedded_with_its_text_and_parses()
    {
        var files = Directory.EnumerateFiles(Functions, "*.liquid", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 15, $"only {files.Count} .liquid files under {Functions}");

        foreach (var file in files)
        {
            var template = PageTemplate.Of(Path.GetFileNameWithoutExtension(file));
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            Assert.Equal(text.EndsWith('\n') ? text[..^1] : text, template.Source);
        }
    }

    [Fact]
    public void Files_are_joined_in_the_order_named()
    {
        var page = PageTemplate.Of("PageRenderer.Head", "VerifyPage");

        Assert.StartsWith("<!doctype html>", page.Source);
        Assert.Equal(PageTemplate.Of("PageRenderer.Head").Source + PageTemplate.Of("VerifyPage").Source, page.Source);
    }

    [Fact]
    public void A_template_that_is_not_embedded_stops_the_page_naming_the_file()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => PageTemplate.Of("NoSuchPage"));

        Assert.Contains("NoSuchPage.liquid", refused.Message);
    }
}
