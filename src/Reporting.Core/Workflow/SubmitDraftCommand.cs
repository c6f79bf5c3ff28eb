namespace Reporting.Core.Workflow;

/// <summary>
/// Raw fields of a draft submission, as they came in; <see cref="DraftSubmission"/> validates them.
/// The author is the signed-in caller, never a field.
/// </summary>
public sealed record SubmitDraftCommand(string? Year, string? Department, string? Section, string? Body);
