namespace Reporting.Core.Access;

/// <summary>The things a caller may be allowed to do; <see cref="AccessPolicy"/> says who may do which.</summary>
public enum ReportAction
{
    SubmitDraft,
    ReadReport,
    ReviewDraft,
    DownloadPdf,
    /// <summary>The year overview, the compiled volume and running the year-end assembly.</summary>
    DistrictYear,
    ManageMembers,
    /// <summary>Publishing a report to the public site after the confidentiality review, and withdrawing it.</summary>
    Publish,
    /// <summary>Uploading and reading the organisations' seal images (印章管理).</summary>
    ManageSeals,
}
