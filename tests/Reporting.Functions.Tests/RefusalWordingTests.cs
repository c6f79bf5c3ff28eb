using System.Reflection;
using System.Text.Json;
using Reporting.Core.Drafts;
using Reporting.Core.Errors;
using Reporting.Core.Publication;
using Reporting.Core.Templates;
using Reporting.Functions.Wording;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>The one catalogue words every refusal code, Core's and the edge's, and words them as people read them before the codes came.</summary>
public class RefusalWordingTests
{
    private static IEnumerable<string> Declared(Type codes) => codes.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static readonly IReadOnlyList<string> AllCodes = [.. Declared(typeof(RefusalCode)), .. Declared(typeof(EdgeRefusalCode))];

    [Fact]
    public void Every_code_has_a_sentence_and_every_sentence_a_code()
    {
        Assert.Empty(AllCodes.Except(RefusalWording.Codes));
        Assert.Empty(RefusalWording.Codes.Except(AllCodes));
        Assert.Equal(AllCodes.Count, AllCodes.Distinct().Count());
    }

    [Fact]
    public void A_refusal_reads_as_the_sentence_it_replaced()
    {
        Assert.Equal("第 1 版已被第 2 版取代，只能审核该部分的最新版本。", RefusalWording.Sentence(Refusal.Of(RefusalCode.DraftVersionSuperseded, 1, 2)));
        Assert.Equal("2023 年 kgj 的“duty”部分没有第 2 版草稿。",
            RefusalWording.Sentence(Refusal.Of(RefusalCode.DraftVersionNotFound, 2023, "kgj", "duty", 2)));
        Assert.Equal("正文第 2 行第 3 个字符（U+202E，双向文本嵌入或覆盖控制符）不可见却能改变文字的显示顺序或外观，请删除后再提交。",
            RefusalWording.Sentence(Refusal.Of(RefusalCode.BodyDisguising, 2, 3, 0x202E, DisguiseKind.BidiEmbeddingOrOverride)));
        Assert.Equal("审核说明的第 4 个字符（U+0000）是不可见的控制或格式字符，请删除后再提交。",
            RefusalWording.Sentence(Refusal.Of(RefusalCode.HiddenCharacter, "comment", 4, 0)));
        Assert.Equal("成文日期（date）须为“年-月-日”格式，如 2024-01-15。", RefusalWording.Sentence(Refusal.Of(RefusalCode.DateMalformed, 2023)));
        Assert.Equal("字段“year”须为 JSON 数字（如 2023，不加引号），收到的是字符串。",
            RefusalWording.Sentence(Refusal.Of(EdgeRefusalCode.JsonKindMismatch, "year", JsonValueKind.Number, JsonValueKind.String)));
    }

    [Fact]
    public void A_heading_in_the_wrong_part_names_both_parts_and_the_numeral_expected()
    {
        var sentence = RefusalWording.Sentence(Refusal.Of(RefusalCode.ForeignHeading, "一、党政主要负责人履行推进法治建…", ReportTemplate.Duty, ReportTemplate.Measures));

        Assert.Equal("正文第一行“一、党政主要负责人履行推进法治建…”是“一、党政主要负责人履行推进法治建…”部分的标题，而现在提交的是“二、推进法治政府建设的主要举措和…”部分"
            + "（应以“二、”开头）。请选择正确的报告部分，或删去这一行。", sentence);
    }

    [Fact]
    public void A_year_publish_names_each_report_whose_reviewed_version_differs()
    {
        var sentence = RefusalWording.Sentence(Refusal.Of(RefusalCode.ReviewedVersionsStale,
            new List<VersionMismatch> { new("科工局", 1, 2), new("司法局", null, 1), new("教育局", 3, null), new("民政局", 3, 2) }));

        Assert.Equal("以下报告与保密审查时列出的版本不一致：科工局：保密审查的是第 1 版，此后已生成第 2 版 PDF；司法局：有第 1 版 PDF 待发布，不在保密审查的清单中；"
            + "教育局的报告没有可以发布的 PDF（第 3 版不存在或已撤回）；民政局：没有已生成的第 3 版 PDF（最新为第 2 版）。全部发布未执行，没有发布任何报告；请重新审查后再发布。", sentence);
    }

    [Fact]
    public void Bad_input_reads_as_the_first_reason_of_each_field_under_the_validation_title()
    {
        var errors = new ValidationErrors();
        errors.Add("year", RefusalCode.YearMissing);
        errors.Add("department", RefusalCode.DepartmentUnknown, "xyz");
        errors.Add("department", RefusalCode.DepartmentMalformed);
        var refused = Assert.Throws<ReportingException>(errors.ThrowIfAny);

        Assert.Equal("提交的内容有误", RefusalWording.Title(refused));
        Assert.Equal("请填写年度（year）。；未知的部门代码“xyz”。", RefusalWording.Detail(refused));
        Assert.Equal(["未知的部门代码“xyz”。", "部门代码只能由小写字母、数字和连字符组成。"], RefusalWording.FieldErrors(refused)["department"]);
    }

    [Fact]
    public void A_code_with_its_own_title_keeps_it_and_a_number_of_another_width_still_reads()
    {
        var refused = new ReportingException(ProblemKind.PayloadTooLarge, Refusal.Of(EdgeRefusalCode.UploadTooLarge, 20));

        Assert.Equal(("文件过大", "核验的文件不能超过 20 MB。"), (RefusalWording.Title(refused), RefusalWording.Detail(refused)));
    }
}
