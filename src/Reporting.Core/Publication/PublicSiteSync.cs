using System.Text;
using Reporting.Core.Directory;
using Reporting.Core.ReportAssembly;
using Reporting.Core.Reports;

namespace Reporting.Core.Publication;

/// <summary>
/// Makes the public site say what the publication records say. The records are the story (each publish or withdrawal a step
/// under the record's ETag, numbered by <see cref="PublicationRecord.Sequence"/>); the site follows it. Every write here reads
/// the record, acts on it, and reads it again: a step saved meanwhile means the act may have landed after that step's own
/// (a copy still being written when a withdrawal deleted it), so it acts again on the newer step. The last writer's act
/// therefore always lands last, whatever order the requests ran in. Each file carries the sequence it was written for, so
/// a later touch of the year finds and repairs what a crash between the record and the files left behind.
/// </summary>
internal sealed class PublicSiteSync(
    DistrictDirectory directory,
    IReportRepository reports,
    IPublicationRepository publications,
    IPdfStore pdfs,
    IPublicSite site,
    IPublicPages pages,
    ReportAssembler assembler)
{
    /// <summary>
    /// How often one call acts again when the records keep changing under it. Each extra round needs another publish or
    /// withdrawal saved meanwhile, whose own call then acts after this one; the bound only keeps a call finite.
    /// </summary>
    private const int Rounds = 12;

    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>Writes the report's page, PDF and OFD when its record says published, deletes them otherwise, until the record stands still.</summary>
    public async Task SyncReportAsync(ReportKey key, CancellationToken cancellationToken)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var record = await publications.GetAsync(key, cancellationToken);
            if (record.Current is { } published) await WriteCopyAsync(key, published, record.Sequence, cancellationToken);
            else await DeleteCopyAsync(key, cancellationToken);
            if ((await publications.GetAsync(key, cancellationToken)).Sequence == record.Sequence) return;
        }
    }

    /// <summary>
    /// Repairs every report of the year whose files disagree with its record (a public file of a report not published, a
    /// missing one or one written for an older step of a published report), then writes the year's index and the root's.
    /// </summary>
    public async Task SyncYearAsync(int year, CancellationToken cancellationToken)
    {
        var records = (await publications.ListYearAsync(year, cancellationToken)).ToDictionary(p => p.Key.Department);
        var files = await site.ListAsync($"{year}/", cancellationToken);
        foreach (var department in directory.Departments)
        {
            var key = new ReportKey(year, department.Code);
            var wanted = records.GetValueOrDefault(department.Code) is { IsPublished: true } record ? Stamp(record.Sequence) : null;
            var html = files.TryGetValue(PublicPaths.Html(key), out var htmlStamp);
            var pdf = files.TryGetValue(PublicPaths.Pdf(key), out var pdfStamp);
            // The OFD is written before the page, so a page of the wanted step means the OFD's write (or removal) was done too.
            var ofd = files.TryGetValue(PublicPaths.Ofd(key), out var ofdStamp);
            var agrees = wanted is null ? !html && !pdf && !ofd : html && pdf && htmlStamp == wanted && pdfStamp == wanted && (!ofd || ofdStamp == wanted);
            if (!agrees) await SyncReportAsync(key, cancellationToken);
        }
        await WriteIndexesAsync(year, cancellationToken);
    }

    /// <summary>
    /// The site's frame before anything is published: the root index (from the records, so an index publication wrote is
    /// never replaced: it is written only where there is none) and the page for an address that has no file. Without them
    /// the root and every missing path answer with the storage service's own error.
    /// </summary>
    public async Task WriteFrameAsync(CancellationToken cancellationToken)
    {
        var years = await publications.ListPublishedYearsAsync(cancellationToken);
        await site.PutIfAbsentAsync(PublicPaths.Root, Encoding.UTF8.GetBytes(pages.Root(years)), HtmlType, cancellationToken);
        await WriteNotFoundAsync(cancellationToken);
    }

    /// <summary>The year's index and the root, from the records (not from what a call did), each rewritten until the records stand still.</summary>
    private async Task WriteIndexesAsync(int year, CancellationToken cancellationToken)
    {
        await WriteSettledAsync(PublicPaths.YearIndex(year), async () =>
        {
            var listed = await PublicReportsAsync(year, cancellationToken);
            return (string.Join(";", listed.Select(r => $"{r.Department}-{r.Version}-{r.PublishedAt.UtcTicks}-{r.HasOfd}")), pages.YearIndex(year, listed));
        }, cancellationToken);
        await WriteSettledAsync(PublicPaths.Root, async () =>
        {
            var years = await publications.ListPublishedYearsAsync(cancellationToken);
            return (string.Join(",", years), pages.Root(years));
        }, cancellationToken);
        await WriteNotFoundAsync(cancellationToken);
    }

    /// <summary>The same page whoever writes it (it names only the root), so it is simply written again.</summary>
    private Task WriteNotFoundAsync(CancellationToken cancellationToken) =>
        site.PutAsync(PublicPaths.NotFound, Encoding.UTF8.GetBytes(pages.NotFound(new Uri(site.BaseAddress, PublicPaths.Root))), HtmlType,
            cancellationToken: cancellationToken);

    /// <summary>Writes what <paramref name="read"/> gives, reads again, and writes again while what it lists has changed meanwhile.</summary>
    private async Task WriteSettledAsync(string path, Func<Task<(string Fingerprint, string Html)>> read, CancellationToken cancellationToken)
    {
        string? written = null;
        for (var round = 0; round < Rounds; round++)
        {
            var (fingerprint, html) = await read();
            if (fingerprint == written) return;
            await site.PutAsync(path, Encoding.UTF8.GetBytes(html), HtmlType, cancellationToken: cancellationToken);
            written = fingerprint;
        }
    }

    private async Task<IReadOnlyList<PublicReport>> PublicReportsAsync(int year, CancellationToken cancellationToken)
    {
        var byDepartment = (await publications.ListYearAsync(year, cancellationToken)).Where(p => p.IsPublished).ToDictionary(p => p.Key.Department);
        // Which reports have their OFD public, from one listing of the year's files (the copies are written before the index).
        var files = await site.ListAsync($"{year}/", cancellationToken);
        return directory.Departments.Where(d => byDepartment.ContainsKey(d.Code)).Select(d =>
        {
            var published = byDepartment[d.Code].Current!;
            return new PublicReport(year, d.Code, d.Name, published.Version!.Value, published.At)
            {
                HasOfd = files.ContainsKey(PublicPaths.Ofd(new ReportKey(year, d.Code))),
            };
        }).ToList();
    }

    /// <summary>The PDF and its OFD as stored privately, and the page made from the same approved texts the PDF was typeset from.</summary>
    private async Task WriteCopyAsync(ReportKey key, PublicationEvent published, int sequence, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(key, cancellationToken);
        var version = report.FindVersion(published.Version!.Value) ?? throw new InvalidOperationException($"Report {key} has no version {published.Version}.");
        var department = directory.Find(key.Department)!;
        var document = await assembler.BuildDocumentAsync(key, department, version, cancellationToken);
        var pdf = await pdfs.ReadAsync(version.BlobName!, cancellationToken);
        await site.PutAsync(PublicPaths.Pdf(key), pdf, "application/pdf", Stamp(sequence), cancellationToken);
        var hasOfd = await WriteOfdAsync(key, OfdTwin.Of(version.BlobName!), sequence, cancellationToken);
        var html = pages.Report(new PublicReport(key.Year, key.Department, department.Name, version.Version, published.At)
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), // of the very bytes that go public
            HasOfd = hasOfd,
        }, document);
        await site.PutAsync(PublicPaths.Html(key), Encoding.UTF8.GetBytes(html), HtmlType, Stamp(sequence), cancellationToken);
    }

    /// <summary>
    /// The version's OFD beside its PDF, when one is stored; otherwise removes an OFD an earlier published version left, so
    /// the public OFD is always the public PDF's twin. Returns whether the OFD is public now.
    /// </summary>
    private async Task<bool> WriteOfdAsync(ReportKey key, string ofdName, int sequence, CancellationToken cancellationToken)
    {
        if (await pdfs.FindAsync(ofdName, cancellationToken) is null)
        {
            await site.DeleteAsync(PublicPaths.Ofd(key), cancellationToken);
            return false;
        }
        await site.PutAsync(PublicPaths.Ofd(key), await pdfs.ReadAsync(ofdName, cancellationToken), OfdTwin.ContentType, Stamp(sequence), cancellationToken);
        return true;
    }

    private async Task DeleteCopyAsync(ReportKey key, CancellationToken cancellationToken)
    {
        await site.DeleteAsync(PublicPaths.Html(key), cancellationToken);
        await site.DeleteAsync(PublicPaths.Pdf(key), cancellationToken);
        await site.DeleteAsync(PublicPaths.Ofd(key), cancellationToken);
    }

    private static string Stamp(int sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
