namespace Reporting.Core.Drafts;

/// <summary>
/// A draft without its text: what listings carry, so a status page never loads 200,000 characters a part.
/// <see cref="Length"/> counts UTF-16 units (the JSON API's length); <see cref="Characters"/> counts characters as a reader does
/// (a character beyond the BMP is one), and is null where a store has not recorded it (rows written before it was).
/// <see cref="ReviewComment"/> and <see cref="WithdrawnAt"/> are filled only by <see cref="IDraftRepository.ListAsync"/>, not by the year's read.
/// </summary>
public sealed record DraftSummary(string Section, int Version, string Author, DraftStatus Status, DateTimeOffset SubmittedAt, int Length, string? Reviewer,
    DateTimeOffset? ReviewedAt,
    string? AuthorId = null, string? ReviewerId = null, string? ReviewComment = null, int? Characters = null, DateTimeOffset? WithdrawnAt = null);
