using System.Globalization;
using System.Text.Json;

namespace Reporting.Functions.Pages;

/// <summary>
/// Work in progress a page follows by script (<see cref="HtmlPage.FollowScript"/>) instead of reloading itself on a timer, which
/// WCAG 2.2.1 and 3.2.5 refuse: the data attributes of the page's status region that tell the one script what to ask and how to
/// word what it hears. Without script the page still reads as it was made and offers a plain link to look again.
/// </summary>
/// <param name="Status">The JSON status resource the script asks (asked with <c>Accept: application/json</c>).</param>
/// <param name="Field">The answer's property that says where the work stands.</param>
/// <param name="During">The values of <paramref name="Field"/> while the work is not finished; any other shows the page again.</param>
/// <param name="State">The value the page was made with.</param>
/// <param name="Every">How long between two questions.</param>
/// <param name="Patience">How long the script asks before it stops and says <paramref name="GaveUp"/>, with a link to reload.</param>
/// <param name="Says">What the status region says when <paramref name="Field"/> changes to a value of <paramref name="During"/>.</param>
public sealed record FollowedProgress(string Status, string Field, IReadOnlyList<string> During, string State, TimeSpan Every, TimeSpan Patience,
    string GaveUp, IReadOnlyDictionary<string, string>? Says = null)
{
    /// <summary>How many times the script asks at most.</summary>
    public int Tries => Math.Max(1, (int)(Patience / Every));

    /// <summary>The attributes for the status region's tag, encoded, for a template to place with <c>| raw</c>.</summary>
    public string Attributes => string.Join(" ", new (string Name, string Value)[]
    {
        ("data-follow", Status), ("data-field", Field), ("data-while", string.Join(' ', During)), ("data-state", State),
        ("data-every", ((int)Every.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)), ("data-tries", Tries.ToString(CultureInfo.InvariantCulture)),
        ("data-gave-up", GaveUp), ("data-says", JsonSerializer.Serialize(Says ?? new Dictionary<string, string>())),
    }.Select(a => $"{a.Name}=\"{HtmlPage.Encode(a.Value)}\""));
}
