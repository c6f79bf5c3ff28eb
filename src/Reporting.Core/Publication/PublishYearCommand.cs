namespace Reporting.Core.Publication;

/// <summary>
/// Publishing a year's reports under one review: department code → the PDF version reviewed, which must be exactly what would be
/// published, with the reviewer's confirmation and comment.
/// </summary>
public sealed record PublishYearCommand(int Year, IReadOnlyDictionary<string, int> ReviewedVersions, bool ConfidentialityReviewed, string? Comment);
