namespace Reporting.Core.Drafts;

/// <summary>
/// The version a submission stored, or, when the post was a repeat of one already stored (the same one-time submission id: a double
/// click, a reload, a client's retry), the version that first post made: <see cref="Repeated"/> is then true and nothing new was stored.
/// </summary>
public sealed record SubmittedDraft(Draft Draft, bool Repeated);
