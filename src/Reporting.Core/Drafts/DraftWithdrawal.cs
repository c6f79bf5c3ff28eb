using Reporting.Core.Access;
using Reporting.Core.Audit;
using Reporting.Core.Errors;
using Reporting.Core.Queues;
using Reporting.Core.Reports;

namespace Reporting.Core.Drafts;

/// <summary>
/// 撤回: the author takes back a submitted version before it is decided. The version stays in the part's history with its text (status
/// withdrawn, when, and who in the audit trail); the report no longer waits on it, and no approver can decide it any more. Only the
/// version's own author may withdraw it: withdrawing is taking back what one sent, and a colleague who disagrees with the text
/// submits a new version instead (which supersedes it), while an approver 退回s it; so nothing is stuck, and no one's submission
/// disappears from review behind their back. A decided version cannot be withdrawn. A repeated withdrawal answers the same and
/// changes nothing.
/// </summary>
public class DraftWithdrawal(
    AccessControl access,
    IDraftRepository drafts,
    IReportRepository reports,
    IWorkQueue queue,
    IAuditLog audit,
    ReportingOptions options,
    TimeProvider clock)
{
    /// <summary>How often a withdrawal that lost a race on the draft's ETag reads it again before answering.</summary>
    private const int Attempts = 3;

    public virtual async Task<WithdrawalOutcome> WithdrawAsync(WithdrawDraftCommand command, Caller caller, CancellationToken cancellationToken = default)
    {
        var (key, section, version) = (command.Key, command.Section.Key, command.Version);
        // Who may write for the department is settled first, so a stranger learns nothing about its drafts.
        await access.DemandAsync(caller, ReportAction.SubmitDraft, key.Department, cancellationToken);
        var (draft, repeated) = await WithdrawDraftAsync(key, section, version, caller, cancellationToken);

        // Fold the withdrawal into the report as a rejection is folded: a round that waited only for this version goes ahead with the
        // part's approved one. The report is written under its ETag even unchanged, so of a withdrawal and an approval racing, the one
        // that saves last has read the other's write (see DraftReview). A replay lands here too and re-sends an assembly a crash left.
        var now = clock.GetUtcNow();
        var (report, due) = await Retry.OnConflictAsync(options.MaxConcurrencyRetries, async () =>
        {
            var current = await reports.GetAsync(key, cancellationToken);
            var request = current.RequestAssemblyIfDue(now, AwaitedDraft.Find(current, await drafts.ListAsync(key, cancellationToken)));
            await reports.SaveAsync(current, cancellationToken);
            return (current, request);
        }, cancellationToken);
        foreach (var pending in report.PendingAssemblies)
            await queue.EnqueueAssemblyAsync(new AssemblyMessage(key.Year, key.Department, pending.Version), cancellationToken);
        return new WithdrawalOutcome(draft, due is not null, due?.Version, repeated);
    }

    /// <summary>The version withdrawn now, or as it was already withdrawn (repeated); refused when it is not the caller's, decided or superseded.</summary>
    private async Task<(Draft Draft, bool Repeated)> WithdrawDraftAsync(ReportKey key, string section, int version, Caller caller,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var draft = await drafts.GetAsync(key, section, version, cancellationToken)
                ?? throw ReportingException.NotFound(RefusalCode.DraftVersionNotFound, key.Year, key.Department, section, version);
            if (draft.AuthorId != caller.Id) throw ReportingException.Forbidden(RefusalCode.WithdrawByAuthorOnly, version, draft.Author);
            if (draft.Status == DraftStatus.Withdrawn) return (draft, true);
            if (draft.Status != DraftStatus.Submitted) throw ReportingException.Conflict(RefusalCode.WithdrawDecided, version, draft.Status);
            var newest = (await drafts.ListAsync(key, cancellationToken)).Where(d => d.Section == section).Max(d => d.Version);
            if (newest > version) throw ReportingException.Conflict(RefusalCode.WithdrawSuperseded, version, newest);
            var now = clock.GetUtcNow();
            try
            {
                draft = await drafts.SaveWithdrawalAsync(draft.Withdraw(now), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Decided or withdrawn meanwhile: read it again and answer as that state says.
                continue;
            }
            await audit.RecordAsync(new AuditEntry(key.ToString(), "draft.withdrawn", caller, now, $"{section} v{version}"), cancellationToken);
            return (draft, false);
        }
    }
}
