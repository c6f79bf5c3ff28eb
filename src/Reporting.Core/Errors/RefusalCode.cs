namespace Reporting.Core.Errors;

/// <summary>
/// Every reason Core refuses a request, by area. The comment on each names the arguments its <see cref="Refusal"/> carries,
/// in order; the app layer's wording catalogue has one sentence per code (a test holds them in step).
/// </summary>
public static class RefusalCode
{
    // Report keys: year and department as a request names them.
    public const string YearMissing = "report.year-missing";
    /// <summary>(int minYear, int maxYear)</summary>
    public const string YearOutOfRange = "report.year-out-of-range";
    public const string DepartmentMissing = "report.department-missing";
    public const string DepartmentMalformed = "report.department-malformed";
    /// <summary>(string code, as given, shortened)</summary>
    public const string DepartmentUnknown = "report.department-unknown";

    // Who may do what (AccessPolicy).
    /// <summary>(string name, string userId)</summary>
    public const string NotAMember = "access.not-a-member";
    public const string OfficeDoesNotSubmit = "access.office-does-not-submit";
    public const string ReviewByApproverOnly = "access.review-by-approver-only";
    public const string OfficeDoesNotReview = "access.office-does-not-review";
    public const string DistrictYearOfficeOnly = "access.district-year-office-only";
    public const string ManageMembersAdminOnly = "access.manage-members-admin-only";
    public const string ManageSealsAdminOnly = "access.manage-seals-admin-only";
    public const string PublishOfficeOnly = "access.publish-office-only";
    public const string ActionForbidden = "access.action-forbidden";
    public const string OwnDraftReview = "access.own-draft-review";
    public const string OtherDepartment = "access.other-department";
    public const string DepartmentForbidden = "access.department-forbidden";

    // Members (MemberAdministration, Membership).
    public const string EmailMalformed = "member.email-malformed";
    public const string UserIdMalformed = "member.user-id-malformed";
    public const string RoleUnknown = "member.role-unknown";
    public const string MemberNeedsDepartment = "member.needs-department";
    public const string OfficeRoleWithDepartment = "member.office-role-with-department";
    /// <summary>(string userId)</summary>
    public const string MemberNotFound = "member.not-found";
    /// <summary>(string userId)</summary>
    public const string MemberConfigured = "member.configured";
    /// <summary>(string userId)</summary>
    public const string MemberChangedMeanwhile = "member.changed-meanwhile";
    public const string ETagMalformed = "member.etag-malformed";

    // Draft text (DraftBody, ShortText, PartPlacement, DraftSubmission).
    public const string BodyEmpty = "draft.body-empty";
    /// <summary>(int line, int column, int codePoint)</summary>
    public const string BodyUnprintable = "draft.body-unprintable";
    /// <summary>(int line, int column, int codePoint, DisguiseKind kind)</summary>
    public const string BodyDisguising = "draft.body-disguising";
    public const string BodyIllFormed = "draft.body-ill-formed";
    /// <summary>(int count, int max)</summary>
    public const string BodyTooLong = "draft.body-too-long";
    /// <summary>(int line, int column, string character, int codePoint)</summary>
    public const string BodyGlyphMissing = "draft.body-glyph-missing";
    /// <summary>(IReadOnlyList&lt;ReportSection&gt; foreign, ReportSection chosen)</summary>
    public const string WholeReportPasted = "draft.whole-report-pasted";
    /// <summary>(string firstLine, shortened; ReportSection headingOf; ReportSection chosen)</summary>
    public const string ForeignHeading = "draft.foreign-heading";
    /// <summary>(string field, int position, int codePoint)</summary>
    public const string HiddenCharacter = "draft.hidden-character";
    /// <summary>(int year, int currentYear)</summary>
    public const string YearNotYetCome = "draft.year-not-yet-come";
    public const string SectionMissing = "draft.section-missing";
    /// <summary>(string section, shortened; IReadOnlyList&lt;string&gt; choices)</summary>
    public const string SectionUnknownChoices = "draft.section-unknown-choices";
    public const string SectionUnknown = "draft.section-unknown";
    public const string VersionNotPositive = "draft.version-not-positive";
    /// <summary>(int version, DraftStatus status): the part's newest version, whose text the submission repeats, and where it stands</summary>
    public const string BodyUnchanged = "draft.body-unchanged";
    /// <summary>(int maxLength)</summary>
    public const string SubmissionIdMalformed = "draft.submission-id-malformed";
    /// <summary>(int version, string section): what the id made before, with another part or text</summary>
    public const string SubmissionIdReused = "draft.submission-id-reused";

    // Withdrawal (DraftWithdrawal) and review of a withdrawn version.
    /// <summary>(int version, string author)</summary>
    public const string WithdrawByAuthorOnly = "withdrawal.by-author-only";
    /// <summary>(int version, DraftStatus status)</summary>
    public const string WithdrawDecided = "withdrawal.decided";
    /// <summary>(int version, int newest)</summary>
    public const string WithdrawSuperseded = "withdrawal.superseded";
    /// <summary>(int version, DateTimeOffset? withdrawnAt)</summary>
    public const string DraftWithdrawn = "withdrawal.draft-withdrawn";

    // Review (DraftReview, FinalApprovalDate).
    public const string DecisionUnknown = "review.decision-unknown";
    public const string RejectionNeedsComment = "review.rejection-needs-comment";
    /// <summary>(int max)</summary>
    public const string CommentTooLong = "review.comment-too-long";
    /// <summary>(int year, string department, string section, int version)</summary>
    public const string DraftVersionNotFound = "review.draft-version-not-found";
    /// <summary>(int version, int newest)</summary>
    public const string DraftVersionSuperseded = "review.draft-version-superseded";
    /// <summary>(int version, DateTimeOffset? reviewedAt)</summary>
    public const string DraftAlreadyRejected = "review.draft-already-rejected";
    /// <summary>(int version)</summary>
    public const string DraftAlreadyApproved = "review.draft-already-approved";
    public const string DraftReviewedMeanwhile = "review.draft-reviewed-meanwhile";
    /// <summary>(int reportYear)</summary>
    public const string DateMalformed = "review.date-malformed";
    public const string DateOnRejection = "review.date-on-rejection";
    /// <summary>(int reportYear)</summary>
    public const string DateBeforeYear = "review.date-before-year";
    /// <summary>(DateOnly today)</summary>
    public const string DateAfterToday = "review.date-after-today";

    // Publication (ReportPublisher, ReviewedVersions).
    /// <summary>(int year, string departmentName)</summary>
    public const string NotYetAssembled = "publication.not-yet-assembled";
    /// <summary>(VersionMismatch mismatch, int newest)</summary>
    public const string ReviewedVersionStale = "publication.reviewed-version-stale";
    /// <summary>(int year)</summary>
    public const string NothingToPublish = "publication.nothing-to-publish";
    /// <summary>(IReadOnlyList&lt;VersionMismatch&gt; mismatches)</summary>
    public const string ReviewedVersionsStale = "publication.reviewed-versions-stale";
    public const string WithdrawReasonMissing = "publication.withdraw-reason-missing";
    /// <summary>(int max)</summary>
    public const string TextTooLong = "publication.text-too-long";
    /// <summary>(int year, string departmentName)</summary>
    public const string NotPublished = "publication.not-published";
    public const string ConfidentialityNotConfirmed = "publication.confidentiality-not-confirmed";
    public const string ReviewCommentMissing = "publication.review-comment-missing";
    /// <summary>(int max)</summary>
    public const string ReviewCommentTooLong = "publication.review-comment-too-long";
    public const string ReviewedVersionMissing = "publication.reviewed-version-missing";
    /// <summary>(string text, shortened)</summary>
    public const string ReviewedVersionMalformed = "publication.reviewed-version-malformed";
    public const string ReviewedVersionsMissing = "publication.reviewed-versions-missing";
    /// <summary>(string entry, shortened)</summary>
    public const string ReviewedVersionsEntryMalformed = "publication.reviewed-versions-entry-malformed";
    /// <summary>(string departmentName)</summary>
    public const string ReviewedVersionsDuplicate = "publication.reviewed-versions-duplicate";

    // 催报 (DeadlineReminders.ChaseAsync).
    public const string ChaseDepartmentUnknown = "calendar.chase-department-unknown";
    public const string ChaseIdMalformed = "calendar.chase-id-malformed";
    /// <summary>(string chasedBy, DateTimeOffset at): another 催报 of the same department went out the same day.</summary>
    public const string ChasedToday = "calendar.chased-today";

    // 立即汇编 (QueuedYearEnd).
    public const string YearEndIdMalformed = "year-end.id-malformed";
    /// <summary>(int year, string id)</summary>
    public const string YearEndRunNotFound = "year-end.run-not-found";
    /// <summary>(int max)</summary>
    public const string ChaseNoteTooLong = "calendar.chase-note-too-long";
    public const string ChaseNoteHasControl = "calendar.chase-note-has-control";
}
