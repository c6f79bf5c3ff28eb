namespace Reporting.Functions.Pages;

/// <summary>How far a comparison went within its bounds (<see cref="VersionDiff"/>).</summary>
public enum DiffOutcome
{
    /// <summary>Every changed stretch compared character by character (or, past the per-stretch cap, shown whole).</summary>
    Characters,
    /// <summary>The character budget ran out: some changed paragraphs are shown removed and added whole.</summary>
    ParagraphsOnly,
    /// <summary>Too many paragraphs differ to match them on a page: no rows, no counts.</summary>
    TooDifferent,
    /// <summary>Compared, but the markup is over the page's cap: the counts without the rows.</summary>
    TooLong,
}
