using System.Diagnostics;
using System.Net;
using System.Text;
using Reporting.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The 草稿 page's comparison of two versions built to be costly, over HTTP: the page stays bounded in size and says in
/// Chinese why it shows less (before the bounds: 5.9–10 MB of page and seconds of work per GET).
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class DraftComparisonBoundsTests(LocalHostFixture app, ITestOutputHelper output)
{
    private const int Year = 2015;

    public static TheoryData<string, string> Pairs => new()
    {
        { "kgj", "页面上只显示上面的统计" },   // every other character of every paragraph changed: compared, too long to show
        { "sfj", "差异过大" },                 // 20,000 short paragraphs, none alike: refused
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Two_versions_built_to_be_costly_get_a_bounded_page_that_says_why_it_shows_less(string department, string says)
    {
        var (old, @new) = department == "kgj" ? Pair(CostlyVersions.EveryOtherCharacter(2_990)) : CostlyVersions.ShortParagraphsNoneAlike(20_000);
        var from = await app.SubmitOkAsync(Year, department, "measures", old);
        var to = await app.SubmitOkAsync(Year, department, "measures", @new);

        var clock = Stopwatch.StartNew();
        using var response = await app.ClientAs(LocalHostFixture.AuthorOf(department))
            .GetAsync($"api/draft?year={Year}&department={department}&section=measures&from={from}&to={to}");
        var html = await response.Content.ReadAsStringAsync();
        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"{department}: {(int)response.StatusCode}, {bytes:N0} bytes in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(says, html);
        Assert.DoesNotContain("<table class=\"diff\"", html);
        // The page still carries the chosen version's whole text (up to 600 KB); the comparison adds its counts and a sentence.
        Assert.True(bytes < Encoding.UTF8.GetByteCount(@new) + 100_000, $"{bytes:N0} bytes of page");
    }

    private static (string, string) Pair((string Old, string New, int Paragraphs) versions) => (versions.Old, versions.New);
}
