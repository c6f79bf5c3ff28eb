using Reporting.Core.Seals;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    /// <summary>What 印章管理 asks of a seal image, shown on the page and after a refusal the rule does not explain.</summary>
    public const string SealRequirements = "印章图片须为 PNG 格式、背景透明，不超过 1 MB，大致为正方形（宽高比 0.9 至 1.1），印迹以红色为主。";

    private static IEnumerable<Entry> SealEntries() =>
    [
        Say<SealImageProblem>(EdgeRefusalCode.SealImageRefused, SealImage),
        Say<string>(EdgeRefusalCode.SealOrganisationUnknown, code => $"没有代码为“{code}”的单位。可上传印章的单位为区法治办和部门名录中的各部门。"),
        Say<string, int>(EdgeRefusalCode.SealVersionMissing, (name, version) => $"{name}没有第 {version} 版印章。"),
        Say<string>(EdgeRefusalCode.SealMissing, name => $"{name}尚未上传印章。"),
        Say(EdgeRefusalCode.SealVersionNotPositive, "版本须为正整数。"),
        Say(EdgeRefusalCode.SealFileMissing, "请选择要上传的印章图片（PNG，表单字段 file）。"),
        Say(EdgeRefusalCode.SealFormFieldTooLong, "表单中除印章图片（file）外的字段过长。"),
    ];

    /// <summary>Why an image was refused, in words (<see cref="SealImageRules"/> says which rule).</summary>
    public static string SealImage(SealImageProblem problem) => problem switch
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
        _ => "印章图片不符合要求。" + SealRequirements,
    };
}
