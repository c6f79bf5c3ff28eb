using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// A part submitted as a draft: which report and part, and its text as sent (<see cref="DraftSubmission"/> normalises and checks
/// it). The app layer binds it from a request and refuses malformed fields; the author is the signed-in caller, never a field.
/// <see cref="SubmissionId"/> (optional) is the post's one-time id: a repeat of a post with the same id stores nothing new.
/// </summary>
public sealed record SubmitDraftCommand(ReportKey Key, ReportSection Section, string Body, string? SubmissionId = null);
