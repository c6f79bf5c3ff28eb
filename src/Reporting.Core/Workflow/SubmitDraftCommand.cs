namespace Reporting.Core.Workflow;

/// <summary>Raw fields of a draft submission, as they came in; <see cref="DraftSubmission"/> validates them.</summary>
public sealed record SubmitDraftCommand(string? Year, string? Department, string? Section, string? Author, string? Body);
