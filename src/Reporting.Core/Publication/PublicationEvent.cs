namespace Reporting.Core.Publication;

public enum PublicationEventKind
{
    Published,
    Withdrawn,
}

/// <summary>
/// One step in a report's publication history: a version made public after the confidentiality review (its
/// confirmation and comment), or the public copy withdrawn (with the reason in <see cref="Text"/>). Never removed.
/// </summary>
public sealed record PublicationEvent(
    PublicationEventKind Kind,
    DateTimeOffset At,
    string ById,
    string ByName,
    string Text,
    int? Version = null,
    bool ConfidentialityReviewed = false);
