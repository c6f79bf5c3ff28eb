using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Functions.Requests;
using Reporting.Typesetting;
using Reporting.Typesetting.Docx;
using Xunit;

namespace Reporting.Functions.Tests;

/// <summary>
/// An editable copy a user downloads, changes in WPS and uploads again must read back through the upload path: the
/// .docx the product writes gives, through <see cref="DocxText"/>, the paragraphs it was made from.
/// </summary>
public sealed class DocxRoundTripTests
{
    [Fact]
    public void An_editable_copy_reads_back_through_the_upload_reader_as_its_paragraphs()
    {
        var parts = new Dictionary<string, string>
        {
            ["duty"] = "（一）强化组织领导。全年召开专题会议3次。\n主要负责人带头学法 𠮷。",
            ["measures"] = "二、推进法治政府建设的主要举措和成效\n完善制度 <审查> & 备案。",
        };
        var document = ReportDocumentBuilder.Build(new DocumentWords(), new Department("kgj", "魏都区科学技术和工业信息化局"), 2026,
            new DistrictOffice("魏都区法治办", "区委全面依法治区委员会办公室", "fzb@example.gov.cn"), parts,
            new DateOnly(2027, 2, 1), new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.FromHours(8)));

        var text = DocxText.Read(DocxPackage.Write(document, new DocxOptions()));

        string[] expected = [document.Title, document.Recipient!, .. document.Blocks.Select(b => b.Text)];
        Assert.Equal(expected, text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
