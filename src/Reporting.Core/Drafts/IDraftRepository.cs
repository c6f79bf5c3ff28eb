using Reporting.Core.Errors;
using Reporting.Core.Reports;

namespace Reporting.Core.Drafts;

/// <summary>Every version of every part. Versions are added, reviewed once, never replaced or deleted.</summary>
public interface IDraftRepository
{
    /// <summary>Stores <paramref name="draft"/> as the next version of its part (its Version is ignored) and returns it numbered.</summary>
    Task<Draft> AddNextVersionAsync(Draft draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="AddNextVersionAsync"/>, once per <paramref name="submissionId"/> (a one-time id the form or client sent, unique within
    /// the report): the version and the id's record are stored as one write, so of two posts with one id, however they race, exactly one
    /// makes a version; the other gets that version back, marked <see cref="SubmittedDraft.Repeated"/>.
    /// </summary>
    Task<SubmittedDraft> AddNextVersionOnceAsync(Draft draft, string submissionId, CancellationToken cancellationToken = default);

    /// <summary>The version a post with <paramref name="submissionId"/> made in <paramref name="report"/>, with its text; null when none did.</summary>
    Task<Draft?> FindSubmissionAsync(ReportKey report, string submissionId, CancellationToken cancellationToken = default);

    Task<Draft?> GetAsync(ReportKey report, string section, int version, CancellationToken cancellationToken = default);

    /// <summary>The newest version of one part, with its text; null before the first. What a new submission is compared with.</summary>
    Task<Draft?> GetNewestAsync(ReportKey report, string section, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DraftSummary>> ListAsync(ReportKey report, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every draft of every report of <paramref name="year"/> (summaries, no text), by department code: the year read
    /// at once, in reads that do not grow with the number of departments. Departments with no draft are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DraftSummary>>> ListYearAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>Whether any part of any department's report of <paramref name="year"/> has a draft: one read of at most one row.</summary>
    Task<bool> AnyInYearAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>Writes the review of a draft; throws <see cref="ConcurrencyConflictException"/> when its ETag is stale.</summary>
    Task<Draft> SaveReviewAsync(Draft reviewed, CancellationToken cancellationToken = default);

    /// <summary>Writes a withdrawal (status and time) of a draft; throws <see cref="ConcurrencyConflictException"/> when its ETag is stale.</summary>
    Task<Draft> SaveWithdrawalAsync(Draft withdrawn, CancellationToken cancellationToken = default);
}
