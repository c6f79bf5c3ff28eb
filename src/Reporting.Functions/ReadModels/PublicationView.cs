using Reporting.Core.Publication;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// A report's publication in the API: unpublished, published (which version, when, by whom, the review comment, the public
/// URLs) or withdrawn (when, by whom, why), and every step before.
/// </summary>
public sealed record PublicationView(
    string Status,
    int? Version,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? Comment,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? Reason,
    string? HtmlUrl,
    string? PdfUrl,
    string? YearIndexUrl,
    IReadOnlyList<PublicationEventView> History)
{
    public static PublicationView From(PublicationRecord record, IPublicSite site)
    {
        var published = record.Current;
        var withdrawn = record.IsWithdrawn ? record.Last : null;
        var key = record.Key;
        return new PublicationView(
            published is not null ? "published" : withdrawn is not null ? "withdrawn" : "unpublished",
            published?.Version, published?.At, published?.ByName, published?.Text,
            withdrawn?.At, withdrawn?.ByName, withdrawn?.Text,
            published is null ? null : new Uri(site.BaseAddress, PublicPaths.Html(key)).AbsoluteUri,
            published is null ? null : new Uri(site.BaseAddress, PublicPaths.Pdf(key)).AbsoluteUri,
            published is null ? null : new Uri(site.BaseAddress, PublicPaths.YearIndex(key.Year)).AbsoluteUri,
            record.Events.Select(e => new PublicationEventView(e.Kind == PublicationEventKind.Published ? "published" : "withdrawn",
                e.At, e.ByName, e.ById, e.Text, e.Version, e.ConfidentialityReviewed)).ToList());
    }
}

/// <summary>One publish or withdraw step: <see cref="Text"/> is the review comment or the withdrawal's reason.</summary>
public sealed record PublicationEventView(string Kind, DateTimeOffset At, string By, string ById, string Text, int? Version, bool ConfidentialityReviewed);

/// <summary>The year's publication deadline (4月1日 by default), the days to it in Beijing, and the departments not public yet.</summary>
public sealed record YearPublicationView(DateOnly Deadline, int DaysLeft, int Published, IReadOnlyList<string> Unpublished);

/// <summary>The answer to a publish or withdraw: whether this call recorded a step (false: a repeat that only repaired the public copy).</summary>
public sealed record PublicationResult(int Year, string Department, bool Changed, PublicationView Publication)
{
    public static PublicationResult From(PublishOutcome outcome, IPublicSite site) =>
        new(outcome.Publication.Key.Year, outcome.Publication.Key.Department, outcome.Changed, PublicationView.From(outcome.Publication, site));
}

/// <summary>The answer to 全部发布: each report it published or refreshed, and the year's index.</summary>
public sealed record YearPublicationResult(int Year, string YearIndexUrl, IReadOnlyList<PublicationResult> Reports);
