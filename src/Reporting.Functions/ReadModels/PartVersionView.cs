namespace Reporting.Functions.ReadModels;

/// <summary>One version of one part as the 草稿 page lists it: who wrote and reviewed it and how long it is, not its text.</summary>
public sealed record PartVersionView(int Version, string Author, string? AuthorId, string Status, DateTimeOffset SubmittedAt, int Characters,
    string? Reviewer, string? ReviewerId, string? ReviewComment, DateTimeOffset? ReviewedAt, bool Superseded)
{
    /// <summary>When its author withdrew it (status withdrawn); null otherwise.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
}
