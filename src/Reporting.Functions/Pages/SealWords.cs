using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>The refusals 印章管理 and the seal API raise, as codes the wording catalogue turns into sentences.</summary>
public static class SealWords
{
    /// <summary>A refused image as the API's 400 (field <c>file</c>) and the page's message.</summary>
    public static ReportingException Refused(SealImageRejectedException e) =>
        ReportingException.Invalid("file", EdgeRefusalCode.SealImageRefused, e.Problem);

    public static ReportingException UnknownOrganisation(string? code) =>
        new(ProblemKind.NotFound, Refusal.Of(EdgeRefusalCode.SealOrganisationUnknown, code));

    public static ReportingException NoSeal(SealOrganisation organisation, int? version) => version is { } v
        ? new(ProblemKind.NotFound, Refusal.Of(EdgeRefusalCode.SealVersionMissing, organisation.Name, v))
        : new(ProblemKind.NotFound, Refusal.Of(EdgeRefusalCode.SealMissing, organisation.Name));

    public static ReportingException NoFile() => ReportingException.Invalid("file", EdgeRefusalCode.SealFileMissing);
}
