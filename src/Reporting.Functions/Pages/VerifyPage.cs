using Reporting.Core;
using Reporting.Core.Directory;
using Reporting.Core.Errors;
using Reporting.Core.Verification;
using Reporting.Functions.Http;
using Reporting.Functions.Requests;
using Reporting.Functions.Wording;

namespace Reporting.Functions.Pages;

/// <summary>
/// 核验 PDF: anyone (no sign-in, no nav) uploads a PDF and reads whether it is byte for byte a version this system
/// stored, whose, which version, whether it is the newest and whether it is public; the same facts as JSON for programs.
/// </summary>
public sealed class VerifyPage(PageRenderer pages, DistrictDirectory directory, ReportingOptions options, Routes routes)
{
    public const string NotFoundText = "未找到一致的存档版本";

    private static readonly PageTemplate Template = PageTemplate.Of("PageRenderer.Head", "VerifyPage");

    /// <summary>The page with the upload form and nothing checked yet.</summary>
    public string Form() => Render(null, null, null);

    /// <summary>The outcome of one check (<paramref name="verified"/> null: no stored PDF has these bytes).</summary>
    public string Outcome(string sha256, VerifiedPdf? verified) => Render(sha256, verified, null);

    /// <summary>The form again, saying why the upload was refused (too large, not a PDF, empty).</summary>
    public string Refused(ReportingException refusal) =>
        Render(null, null, RefusalWording.First(refusal));

    /// <summary>The same facts for programs: codes as well as Chinese names; the signature fields only when the stored facts have them.</summary>
    public Dictionary<string, object?> Json(string sha256, VerifiedPdf? verified)
    {
        var json = new Dictionary<string, object?> { ["sha256"] = sha256, ["found"] = verified is not null };
        if (verified is not { Pdf: var pdf })
        {
            json["message"] = NotFoundText;
            return json;
        }
        json["kind"] = pdf.IsVolume ? "volume" : "report";
        json["year"] = pdf.Year;
        json["department"] = pdf.Department;
        json["organisation"] = Organisation(pdf);
        json["name"] = Name(pdf);
        json["version"] = pdf.Version;
        json["madeAt"] = pdf.MadeAt;
        if (pdf.Signer is not null) json["signer"] = pdf.Signer;
        if (pdf.SignedAt is not null) json["signedAt"] = pdf.SignedAt;
        json["newest"] = verified.IsNewest;
        json["newestVersion"] = verified.NewestVersion;
        json["published"] = verified.IsPublished;
        json["publishedVersion"] = verified.PublishedVersion;
        return json;
    }

    private string Render(string? sha256, VerifiedPdf? verified, string? error)
    {
        var zone = options.ResolveTimeZone();
        var found = verified is not { Pdf: var pdf } ? null : new
        {
            pdf.IsVolume,
            Name = Name(pdf),
            Organisation = Organisation(pdf),
            pdf.Year,
            pdf.Version,
            MadeAt = Words.Time(pdf.MadeAt, zone),
            pdf.Signer,
            SignedAt = pdf.SignedAt is { } at ? Words.Time(at, zone) : null,
            Newest = verified.IsNewest ? "是，这是最新版本" : $"否，最新的是第 {verified.NewestVersion} 版",
            Published = pdf.IsVolume ? "汇编不在公开网站发布"
                : verified.IsPublished ? "是，这一版已在公开网站发布"
                : verified.PublishedVersion is { } shown ? $"否，公开网站上发布的是第 {shown} 版" : "否，尚未公开发布",
        };
        return pages.Standalone(Template, new
        {
            Title = "核验 PDF 文件",
            Style = HtmlPage.Style,
            Action = routes.Verify(),
            MaxMb = PdfUpload.MaxFileBytes / 1024 / 1024,
            Checked = sha256 is not null,
            Sha256 = sha256,
            Found = found,
            NotFound = NotFoundText,
            Error = error,
        });
    }

    /// <summary>Whose PDF, in Chinese: the department, or the district office for the compiled volume.</summary>
    private string Organisation(PdfFingerprint pdf) =>
        pdf.Department is { } code ? directory.Find(code)?.Name ?? "未知部门" : directory.Office.Name;

    private string Name(PdfFingerprint pdf) => pdf.Department is { } code
        ? $"{directory.Find(code)?.Name ?? "未知部门"}{pdf.Year}年法治政府建设情况的报告（第{pdf.Version}版）"
        : $"{directory.District}{pdf.Year}年度法治政府建设情况报告汇编（第{pdf.Version}版）";
}
