namespace Reporting.Core.Publication;

/// <summary>What a publish or withdraw did: the record as it now stands, and whether this call added a step to it (false: a repeat, which only repaired the
/// public copy).</summary>
public sealed record PublishOutcome(PublicationRecord Publication, bool Changed);
