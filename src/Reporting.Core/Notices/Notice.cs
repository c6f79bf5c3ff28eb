using Reporting.Core.Abstractions;

namespace Reporting.Core.Notices;

/// <summary>
/// What happened and who is to be told, as facts only: the app layer's <see cref="INoticeComposer"/> writes the words
/// people read (subject, body, time zone), so Core never holds wording. <paramref name="To"/> is null when the recipient
/// has no known address (an author whose address was never recorded): the e-mail channel is then left out.
/// </summary>
/// <param name="Version">The PDF version (report), the volume version, or the rejected draft's version.</param>
/// <param name="At">When it happened: the PDF was stored, the volume stored, the draft rejected.</param>
public sealed record Notice(NotificationMessage Message, NoticeKind Kind, string? To, int Year, string DepartmentCode, int Version, DateTimeOffset At)
{
    /// <summary>The outbox key (2023-kgj-v2, 2023-volume-v1, 2023-kgj-duty-v2-rejected): also the e-mail's Message-Id.</summary>
    public string Key => Message.OutboxKey;

    /// <summary>The PDF a report or volume notice is about.</summary>
    public NoticePdf? Pdf { get; init; }

    /// <summary>The same pages as OFD, stored beside the PDF; null when there is none (a PDF made before OFDs were written).</summary>
    public NoticePdf? Ofd { get; init; }

    /// <summary>For a report's second or later PDF: the version before, and the parts that changed since it.</summary>
    public int? PreviousVersion { get; init; }

    public IReadOnlyList<ChangedPart> Changes { get; init; } = [];

    /// <summary>For a volume: which report version each complete department contributed, and what each other one lacks.</summary>
    public VolumeContents? Volume { get; init; }

    /// <summary>For a rejected draft: the part, the author, the reviewer and the comment.</summary>
    public DraftRejection? Rejection { get; init; }

    /// <summary>For a reminder, an overdue list or a 催报: the deadline and what each department lacks.</summary>
    public DeadlineFacts? Deadline { get; init; }

    /// <summary>Further recipients of the same e-mail (a department's other members); <see cref="To"/> is the first.</summary>
    public IReadOnlyList<string> AlsoTo { get; init; } = [];
}

/// <param name="StorageLink">The direct read-only storage link (a bearer SAS), valid until <paramref name="LinkExpiresAt"/>.</param>
/// <param name="Length">Size in bytes, when known (to decide whether it may be attached).</param>
public sealed record NoticePdf(string BlobName, string FileName, int PageCount, string Sha256, long? Length, Uri StorageLink, DateTimeOffset LinkExpiresAt);

/// <summary>A part whose approved version differs from the previous PDF's (<paramref name="PreviousVersion"/> null: the part is new).</summary>
public sealed record ChangedPart(string Section, int? PreviousVersion, int Version, string ApprovedBy, DateTimeOffset? ApprovedAt);

public sealed record VolumeContents(IReadOnlyDictionary<string, int> Complete, IReadOnlyDictionary<string, string[]> Missing);

public sealed record DraftRejection(string Section, string Author, string Reviewer, string? Comment);
