using Reporting.Core.Reports;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>An author taking back one submitted version before it is decided, read from the route by the app layer.</summary>
public sealed record WithdrawDraftCommand(ReportKey Key, ReportSection Section, int Version);

/// <summary>
/// What a withdrawal did: the version (now withdrawn) and, when the report waited only on it and is otherwise complete, the PDF version
/// queued. <see cref="Repeated"/>: the version was already withdrawn (a replay), and nothing changed.
/// </summary>
public sealed record WithdrawalOutcome(Draft Draft, bool AssemblyQueued, int? PdfVersion, bool Repeated);
