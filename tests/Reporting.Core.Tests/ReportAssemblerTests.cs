using Reporting.Core.Documents;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;
using Xunit;

namespace Reporting.Core.Tests;

public class ReportAssemblerTests
{
    private static readonly ReportKey Key = new(2023, "kgj");
    private readonly TestWorld _world = new();

    /// <summary>The PDF notices queued (the approvals that completed the report queued their authors' notices too).</summary>
    private List<NotificationMessage.ReportReady> ReportNotices() => _world.Queue.Notifications.OfType<NotificationMessage.ReportReady>().ToList();

    [Fact]
    public async Task Assembling_stores_the_pdf_under_its_versioned_name_records_it_and_queues_the_notification()
    {
        await _world.CompleteReportAsync();

        var assembled = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.NotNull(assembled);
        Assert.Equal("reports/2023/kgj/2023-kgj-v1.pdf", assembled.BlobName);
        var (pdf, fileName) = _world.Pdfs.Blobs[assembled.BlobName!];
        Assert.Equal("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.pdf", fileName);
        Assert.Equal((pdf.Sha256, 3), (assembled.Sha256, assembled.PageCount));
        Assert.Equal(assembled, (await _world.Reports.GetAsync(Key)).FindVersion(1));
        Assert.Equal([new NotificationMessage.ReportReady(2023, "kgj", 1)], ReportNotices());
        Assert.Equal(ReportStatus.Assembled, (await _world.Reports.GetAsync(Key)).Status);
    }

    [Fact]
    public async Task Assembling_the_same_message_twice_renders_once_and_notifies_again()
    {
        await _world.CompleteReportAsync();
        var first = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));
        _world.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Equal(first, second);
        Assert.Single(_world.Typesetter.Rendered);
        Assert.Equal(["reports/2023/kgj/2023-kgj-v1.ofd", "reports/2023/kgj/2023-kgj-v1.pdf"], _world.Pdfs.Blobs.Keys.Order());
        Assert.Equal(2, ReportNotices().Count);
    }

    [Fact]
    public async Task Assembling_stores_the_ofd_of_the_same_render_beside_the_pdf_under_the_same_name_ending_in_ofd()
    {
        await _world.CompleteReportAsync();

        var assembled = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        var (ofd, fileName) = _world.Pdfs.Blobs["reports/2023/kgj/2023-kgj-v1.ofd"];
        Assert.Equal("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告（第1版）.ofd", fileName);
        var rendered = Assert.Single(_world.Typesetter.Rendered);
        Assert.Equal(_world.Typesetter.Typeset(rendered).Ofd, ofd.Content);
        Assert.Equal(assembled!.PageCount, ofd.PageCount);
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_pdf_and_the_ofd_keeps_the_stored_pdf_and_writes_the_missing_ofd_from_its_own_render()
    {
        await _world.CompleteReportAsync();
        var pdfName = ReportAssembler.BlobName(Key, 1);
        var ofdName = OfdTwin.Of(pdfName);
        _world.Pdfs.AfterCreate = name =>
        {
            if (name == pdfName) throw new InvalidOperationException($"the host died right after storing {name}");
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1)));
        _world.Pdfs.AfterCreate = null;
        var storedPdf = _world.Pdfs.Blobs[pdfName].Pdf;
        Assert.False(_world.Pdfs.Blobs.ContainsKey(ofdName));
        Assert.False((await _world.Reports.GetAsync(Key)).FindVersion(1)!.IsAssembled);

        var assembled = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Equal((storedPdf.Sha256, true), (assembled!.Sha256, assembled.IsAssembled));
        Assert.Same(storedPdf, _world.Pdfs.Blobs[pdfName].Pdf);
        var renders = _world.Typesetter.Rendered.ToList();
        Assert.Equal(2, renders.Count);
        // The retry's render is of the same document, so its OFD is the one the first attempt would have stored.
        Assert.Equal(_world.Typesetter.Typeset(renders[0]).Ofd, _world.Pdfs.Blobs[ofdName].Pdf.Content);
        Assert.Equal([new NotificationMessage.ReportReady(2023, "kgj", 1)], ReportNotices());
    }

    [Fact]
    public async Task When_the_pdf_was_stored_but_not_recorded_a_retry_records_the_stored_pdfs_facts()
    {
        await _world.CompleteReportAsync();
        var name = ReportAssembler.BlobName(Key, 1);
        // An earlier attempt stored its PDF and died before updating the report row.
        await _world.Pdfs.CreateAsync(name, new RenderedPdf([1, 2, 3], 7), "earlier.pdf");

        var assembled = await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        Assert.Equal((7, new RenderedPdf([1, 2, 3], 7).Sha256), (assembled!.PageCount, assembled.Sha256));
    }

    [Theory]
    [InlineData(2023, "kgj", 2)]
    [InlineData(2023, "nosuch", 1)]
    [InlineData(2022, "kgj", 1)]
    public async Task A_message_for_a_version_the_report_does_not_have_does_nothing(int year, string department, int version)
    {
        await _world.CompleteReportAsync();

        Assert.Null(await _world.Assembler.AssembleAsync(new AssemblyMessage(year, department, version)));
        Assert.Empty(_world.Typesetter.Rendered);
        Assert.Empty(ReportNotices());
    }

    [Fact]
    public async Task The_document_has_the_approved_versions_texts_in_template_order_dated_in_china_time()
    {
        await _world.SubmitAsync("other", "其他情况。");
        await _world.DecideAsync("other", 1);
        foreach (var part in TestWorld.RequiredParts.Reverse())
            await _world.SubmitAsync(part, $"{part} 第一稿。");
        await _world.SubmitAsync("duty", "一、党政主要负责人履行职责\n　　duty 第二稿。\n\n第二段。");
        foreach (var part in TestWorld.RequiredParts.Where(p => p != "duty"))
            await _world.DecideAsync(part, 1);
        // 17:30 UTC on 5 January is 01:30 on 6 January in Beijing: the report is dated the 6th.
        _world.Clock.Now = new DateTimeOffset(2024, 1, 5, 17, 30, 0, TimeSpan.Zero);
        await _world.DecideAsync("duty", 2);

        await _world.Assembler.AssembleAsync(new AssemblyMessage(2023, "kgj", 1));

        var document = Assert.Single(_world.Typesetter.Rendered);
        Assert.Equal("魏都区科学技术和工业信息化局2023年法治政府建设情况的报告", document.Title);
        Assert.Equal("区法治政府建设领导小组办公室：", document.Recipient);
        Assert.Equal("魏都区科学技术和工业信息化局", document.Signature);
        Assert.Equal("2024年1月6日", document.DateText);
        Assert.Equal(
        [
            "P:preamble 第一稿。",
            "H:一、党政主要负责人履行职责", "P:duty 第二稿。", "P:第二段。", // the heading the department wrote
            "H:二、推进法治政府建设的主要举措和成效", "P:measures 第一稿。",
            "H:三、推进法治政府建设存在的不足和原因", "P:shortcomings 第一稿。",
            "H:四、下一年度推进法治政府建设的主要安排", "P:plans 第一稿。",
            "H:五、其他需要报告的情况", "P:其他情况。",
        ], document.Blocks.Select(b => $"{b.Kind.ToString()[0]}:{b.Text}"));
        Assert.Equal("zh-CN", document.Info.Language);
    }
}
