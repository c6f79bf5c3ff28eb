namespace Reporting.Core.Notices;

/// <param name="StorageLink">The direct read-only storage link (a bearer SAS), valid until <paramref name="LinkExpiresAt"/>.</param>
/// <param name="Length">Size in bytes, when known (to decide whether it may be attached).</param>
public sealed record NoticePdf(string BlobName, string FileName, int PageCount, string Sha256, long? Length, Uri StorageLink, DateTimeOffset LinkExpiresAt);

/// <summary>A part whose approved version differs from the previous PDF's (<paramref name="PreviousVersion"/> null: the part is new).</summary>
public sealed record ChangedPart(string Section, int? PreviousVersion, int Version, string ApprovedBy, DateTimeOffset? ApprovedAt);

/// <summary>Which report version each complete department contributed to a volume, and what each other one lacks.</summary>
public sealed record VolumeContents(IReadOnlyDictionary<string, int> Complete, IReadOnlyDictionary<string, string[]> Missing);

/// <summary>The rejected part, its author, the reviewer and the comment.</summary>
public sealed record DraftRejection(string Section, string Author, string Reviewer, string? Comment);

/// <summary>The approved part, its author, the reviewer and the comment (null when none was given).</summary>
public sealed record DraftApproval(string Section, string Author, string Reviewer, string? Comment);

/// <summary>A submitted draft still awaiting a decision: the part, its version, who submitted it and when.</summary>
public sealed record PendingDraft(string Section, int Version, string Author, DateTimeOffset SubmittedAt);
