namespace Reporting.Core.Drafts;

/// <summary>A draft without its text: what listings carry, so a status page never loads 200,000 characters a part.</summary>
public sealed record DraftSummary(string Section, int Version, string Author, DraftStatus Status, DateTimeOffset SubmittedAt, int Length, string? Reviewer, DateTimeOffset? ReviewedAt,
    string? AuthorId = null, string? ReviewerId = null);
