using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>Withdrawing a published report from the public site, with the reason (required, recorded with the withdrawal).</summary>
public sealed record WithdrawReportCommand(ReportKey Key, string? Reason);
