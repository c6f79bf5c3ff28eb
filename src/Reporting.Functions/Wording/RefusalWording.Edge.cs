using System.Text.Json;
using Reporting.Functions.Pages;

namespace Reporting.Functions.Wording;

public static partial class RefusalWording
{
    private static IEnumerable<Entry> EdgeEntries() =>
    [
        Say<string, string>(EdgeRefusalCode.SignInRequiredDevelopment,
            (path, header) => $"请先登录：浏览器打开 {path} 选择开发用户，或在请求中加上请求头 {header}: 用户标识（如 kgj-author）。"),
        Say(EdgeRefusalCode.SignInRequired, "请先通过统一身份认证登录（/.auth/login/aad）后再访问。"),
        Say(EdgeRefusalCode.CrossSiteRefused, "拒绝来自其他网站的提交请求（跨站请求伪造防护）。请在本系统的页面上操作。"),
        Say<string>(EdgeRefusalCode.ForeignOriginRefused, origin => $"拒绝来自其他来源（{origin}）的提交请求（跨站请求伪造防护）。"),
        Say(EdgeRefusalCode.ReturnUrlNotLocal, "登录后返回的地址只能是本系统内以“/”开头的路径，不能含有协议、主机名、反斜杠、空白、控制字符或其他非网址字符。"),
        Say(EdgeRefusalCode.DevelopmentUserUnknown, "没有这个开发用户，请从列表中选择。"),

        Say(EdgeRefusalCode.RouteNotFound, "请求的地址不存在，请核对网址。"),
        Say<string, IReadOnlyList<string>>(EdgeRefusalCode.MethodNotAllowed,
            (method, allowed) => $"该地址不支持 {method} 请求，可用的方法：{string.Join("、", allowed)}。"),

        Say(EdgeRefusalCode.ContentTypeUnsupported, "请以 application/x-www-form-urlencoded、multipart/form-data 或 application/json 提交。"),
        Say(EdgeRefusalCode.FieldNotUtf8, "内容不是有效的 UTF-8 文本，请以 UTF-8 编码保存后重新提交。"),
        Say(EdgeRefusalCode.JsonNotObject, "JSON 请求体须为对象。"),
        Say<string, JsonValueKind, JsonValueKind>(EdgeRefusalCode.JsonKindMismatch, JsonMismatch),
        Say(EdgeRefusalCode.JsonLoneSurrogate, "JSON 中含有不成对的 Unicode 代理项（如 \\ud800），不是有效的文本，请检查后重新提交。"),
        Say(EdgeRefusalCode.MultipartNoBoundary, "multipart 请求缺少 boundary。"),
        Say(EdgeRefusalCode.MultipartBroken, "multipart 请求体不完整或格式有误（缺少结束边界或分段头无效），请重新提交。"),
        Say<string, long>(EdgeRefusalCode.FieldTooLarge, (field, megabytes) => $"字段“{field}”超过 {megabytes} MB 上限；较大的正文请以文件上传。"),
        Say<int>(EdgeRefusalCode.TooManyFields, max => $"一次提交最多包含 {max} 个字段或分段。"),
        Say<long>(EdgeRefusalCode.RequestTooLarge, megabytes => $"提交的内容超过 {megabytes} MB 上限。"),

        Say<string>(EdgeRefusalCode.FileTypeOldWord, extension => $"暂不支持 {extension} 文件，请另存为 .docx 或 .txt 后重新上传。"),
        Say<string>(EdgeRefusalCode.FileTypeUnknown, extension => $"不支持的文件类型“{extension}”，请上传 .txt（UTF-8 或 GBK 编码）或 .docx 文件。"),
        Say(EdgeRefusalCode.TextFileEncoding, "文件不是 UTF-8 或 GBK/GB18030 编码的文本，请用记事本或 WPS 另存为 .txt（UTF-8）或 .docx 后重新提交。"),
        Say<int>(EdgeRefusalCode.DocxTextTooLong, max => $".docx 文件的正文超过 {max} 个字符上限。", "文件正文过长"),
        Say<long, int>(EdgeRefusalCode.DocxInflatesTooFar,
            (megabytes, ratio) => $".docx 文件的正文解压后超过 {megabytes} MB，或压缩比超过 {ratio} 倍，不像是正常的 Word 文档，已拒绝。", "文件解压后过大"),
        Say<int, int>(EdgeRefusalCode.DocxTooManyParts, (count, max) => $".docx 文件包含 {count} 个部件，超过上限 {max} 个，不像是正常的 Word 文档。"),
        Say(EdgeRefusalCode.DocxNoBody, ".docx 文件中没有正文。"),
        Say(EdgeRefusalCode.DocxUnreadable, "无法读取该 .docx 文件，请确认文件未损坏。"),

        Say(EdgeRefusalCode.UploadNotMultipart, "请以 multipart/form-data 上传文件（表单字段 file）。"),
        Say<int>(EdgeRefusalCode.UploadTooManyParts, max => $"一次上传最多包含 {max} 个分段。"),
        Say(EdgeRefusalCode.UploadBroken, "multipart 请求体不完整或格式有误（缺少结束边界或分段头无效），请重新上传。"),
        Say(EdgeRefusalCode.UploadFileMissing, "请选择要核验的 PDF 文件（表单字段 file）。"),
        Say(EdgeRefusalCode.UploadFileEmpty, "上传的文件是空的，请选择要核验的 PDF 文件。"),
        Say(EdgeRefusalCode.UploadNotPdf, "上传的文件不是 PDF 文件（PDF 文件以“%PDF-”开头）。请上传本系统生成的 PDF。"),
        Say<long>(EdgeRefusalCode.UploadTooLarge, megabytes => $"核验的文件不能超过 {megabytes} MB。", "文件过大"),

        Say<int>(EdgeRefusalCode.ReviewSuperseded, version => $"第 {version} 版已被新版本取代，请审核该部分的最新版本。"),
        Say<int, string>(EdgeRefusalCode.ReviewAlreadyDecided, (version, status) => $"第 {version} 版{Words.Status(status)}，无需再审核。"),

        Say(EdgeRefusalCode.BatchNothingChosen, "请至少勾选一个要通过的草稿。"),

        Say<int>(EdgeRefusalCode.PartVersionNotFound, version => $"该部分没有第 {version} 版草稿。"),
        Say<int, string>(EdgeRefusalCode.PdfNotYetAssembled, (year, department) => $"{year} 年 {department} 的报告尚未生成 PDF。"),
        Say<int, string, int>(EdgeRefusalCode.PdfVersionNotFound, (year, department, version) => $"{year} 年 {department} 的报告没有第 {version} 版 PDF。"),
        Say<int>(EdgeRefusalCode.VolumeNotYetAssembled, year => $"{year} 年度尚未生成报告汇编。"),
        Say<int, int>(EdgeRefusalCode.VolumeVersionNotFound, (year, version) => $"{year} 年度没有第 {version} 版报告汇编。"),
        Say<int, string, int>(EdgeRefusalCode.ReportOfdMissing, (year, name, version) => $"{year} 年{name}报告的第 {version} 版{OfdMissing}"),
        Say<int, int>(EdgeRefusalCode.VolumeOfdMissing, (year, version) => $"{year} 年度报告汇编第 {version} 版{OfdMissing}"),
    ];

    /// <summary>A JSON value of the wrong kind: what the field takes and what came.</summary>
    private static string JsonMismatch(string name, JsonValueKind expected, JsonValueKind actual) => expected switch
    {
        JsonValueKind.Number => $"字段“{name}”须为 JSON 数字（如 2023，不加引号），收到的是{JsonKindName(actual)}。",
        JsonValueKind.True => $"字段“{name}”须为 JSON 布尔值（true 或 false，不加引号），收到的是{JsonKindName(actual)}。",
        _ => $"字段“{name}”须为 JSON 字符串（加引号），收到的是{JsonKindName(actual)}。",
    };

    private static string JsonKindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "字符串",
        JsonValueKind.Number => "数字",
        JsonValueKind.True or JsonValueKind.False => "布尔值",
        JsonValueKind.Object => "对象",
        JsonValueKind.Array => "数组",
        _ => "其他类型",
    };

    private const string OfdMissing = "没有 OFD 文件：该版生成于系统开始同时生成 OFD 之前，请下载 PDF。";
}
