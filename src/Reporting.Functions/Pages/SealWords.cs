using Reporting.Core.Access;
using Reporting.Core.Errors;
using Reporting.Core.Seals;
using Reporting.Core.Workflow;

namespace Reporting.Functions.Pages;

/// <summary>What 印章管理 and the seal API say to people: each refusal of an image by its rule, and the other refusals.</summary>
public static class SealWords
{
    public const string OfficeAdminsOnly = "只有区法治办管理员可以管理印章。";

    public const string Requirements = "印章图片须为 PNG 格式、背景透明，不超过 1 MB，大致为正方形（宽高比 0.9 至 1.1），印迹以红色为主。";

    /// <summary>Why an image was refused, in words (<see cref="SealImageRules"/> says which rule).</summary>
    public static string Refusal(SealImageProblem problem) => problem switch
    {
        SealImageProblem.Empty => "上传的文件是空的，请选择印章图片（PNG）。",
        SealImageProblem.TooLarge => $"印章图片不能超过 {SealImageRules.MaxBytes / 1024 / 1024} MB，请压缩或缩小后再上传。",
        SealImageProblem.NotPng => "上传的文件不是 PNG 图片，请上传背景透明的 PNG 格式印章图片。",
        SealImageProblem.Unreadable => "无法读取该 PNG 图片（文件不完整或已损坏），请重新导出后上传。",
        SealImageProblem.UnsupportedPng => "该 PNG 的格式（如隔行扫描或特殊色深）暂不支持，请另存为普通的 8 位 RGBA PNG 后上传。",
        SealImageProblem.TooManyPixels => $"印章图片过大，每边不能超过 {PngImage.MaxSide} 像素，请缩小后上传。",
        SealImageProblem.NotSquare => "印章图片须大致为正方形（宽高比 0.9 至 1.1），请裁去印章四周多余的部分后上传。",
        SealImageProblem.NoTransparency => "印章图片须有透明背景（带 Alpha 通道的 PNG），否则盖在文字上会遮住署名和日期。",
        SealImageProblem.Blank => "印章图片是全透明的，看不到印迹，请检查后重新上传。",
        SealImageProblem.NotRed => "印章图片的印迹须以红色为主，请上传红色的印章图片。",
        _ => "印章图片不符合要求。" + Requirements,
    };

    /// <summary>A refused image as the API's 400 (field <c>file</c>) and the page's message.</summary>
    public static ReportingException Refused(SealImageRejectedException e) => ReportingException.Invalid("file", Refusal(e.Problem));

    public static ReportingException UnknownOrganisation(string? code) =>
        ReportingException.NotFound($"没有代码为“{code}”的单位。可上传印章的单位为区法治办和部门名录中的各部门。");

    public static ReportingException NoSeal(SealOrganisation organisation, int? version) => ReportingException.NotFound(version is { } v
        ? $"{organisation.Name}没有第 {v} 版印章。"
        : $"{organisation.Name}尚未上传印章。");

    /// <summary>
    /// 印章管理's access rule (<see cref="SealAdministration.DemandAsync"/>); a member refused is told who may, in these
    /// words (Core's policy has only a general sentence for it); someone not a member keeps the policy's own reason.
    /// </summary>
    public static async Task DemandAsync(SealAdministration seals, Caller caller, Membership? member, CancellationToken cancellationToken)
    {
        try
        {
            await seals.DemandAsync(caller, cancellationToken);
        }
        catch (ReportingException e) when (e.Kind == ProblemKind.Forbidden && member is not null)
        {
            throw ReportingException.Forbidden(OfficeAdminsOnly);
        }
    }

    public static ReportingException NoFile() => ReportingException.Invalid("file", "请选择要上传的印章图片（PNG，表单字段 file）。");
}
