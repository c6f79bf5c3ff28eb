using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// A part submitted as a draft: which report and part, and its text as sent (<see cref="DraftSubmission"/> normalises and checks
/// it). The app layer binds it from a request and refuses malformed fields; the author is the signed-in caller, never a field.
/// </summary>
public sealed record SubmitDraftCommand(ReportKey Key, ReportSection Section, string Body);
