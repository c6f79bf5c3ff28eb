using System.Collections.Concurrent;
using Reporting.Core.Documents;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// The OFD's page surface on the rendering thread. It only notes what the layout draws on a page (the composed lines
/// themselves, not copies) and, when the page ends, hands it to a writer thread, which writes it (<see cref="OfdWriter"/>:
/// Content.xml formatted, deflated and added to the container) while the layout goes on with the next page and the
/// PDF; the document's finishing (font subsets, Document.xml) likewise runs beside the PDF's own. Formatting and deflating
/// the OFD were a fifth of a render on the rendering thread; here they take a second core where there is one.
/// One writer thread takes the pages in the order they ended, so the container's bytes are those of writing it in line.
/// At most <see cref="QueuedPages"/> pages wait for it: when it falls behind the layout waits, so a volume of thousands of
/// pages never piles up in memory.
/// </summary>
internal sealed class OfdSurface : IPageSurface, IDisposable
{
    private const int QueuedPages = 8;

    private readonly BlockingCollection<Action<OfdWriter>> _work = new(QueuedPages);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _writing;
    private List<OfdPageCall>? _page;
    private int _pageNumber;
    private bool _finished;

    public OfdSurface(Stream output, DocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(info);
        _writing = Task.Factory.StartNew(() => Write(output, info), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The title the next level-0 bookmark gets instead of the one the element gives (null: keep it), as in the volume's PDF.</summary>
    public string? SectionBookmark { get; set; }

    public void BeginPage(int pageNumber)
    {
        _page = [];
        _pageNumber = pageNumber;
    }

    public void DrawLine(ComposedLine line, double baseline) => Page.Add(OfdPageCall.Line(line, baseline));

    public void DrawImage(SealImage image, double left, double top)
    {
        ArgumentNullException.ThrowIfNull(image);
        Page.Add(OfdPageCall.Image(image, left, top));
    }

    /// <param name="top">From the top of the text block, as the layout gives it.</param>
    public void Bookmark(string title, int level, double top) =>
        Page.Add(OfdPageCall.Bookmark(level == 0 && SectionBookmark is { } section ? section : title, level, top));

    public void EndPage()
    {
        var (calls, number) = (Page, _pageNumber);
        _page = null;
        Hand(writer =>
        {
            writer.BeginPage(number);
            foreach (var call in calls) call.Replay(writer);
            writer.EndPage();
        });
    }

    private List<OfdPageCall> Page => _page ?? throw new InvalidOperationException("No page begun.");

    /// <summary>
    /// Has the fonts, resources and Document.xml written after the last page, beside whatever the caller does next;
    /// <see cref="Complete"/> waits for them.
    /// </summary>
    /// <param name="expandOutline">Whether the top-level outline entries start open (a report) or closed (a volume of many departments).</param>
    public void Finish(bool expandOutline = true)
    {
        if (_finished) throw new InvalidOperationException("The OFD is finished already.");
        _finished = true;
        Hand(writer => writer.Finish(expandOutline));
        _work.CompleteAdding();
    }

    /// <summary>Waits until the container is written whole; throws what stopped the writer, if anything did.</summary>
    public void Complete()
    {
        if (!_finished) throw new InvalidOperationException("The OFD is not finished.");
        _writing.GetAwaiter().GetResult();
    }

    /// <summary>Hands work to the writer thread, waiting while it is <see cref="QueuedPages"/> pages behind; if the writer failed, throws its exception.</summary>
    private void Hand(Action<OfdWriter> work)
    {
        try
        {
            _stop.Token.ThrowIfCancellationRequested();
            _work.Add(work, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            _writing.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>The writer thread: the work in the order it was handed over, then the container closed (central directory).</summary>
    private void Write(Stream output, DocumentInfo info)
    {
        try
        {
            using var writer = new OfdWriter(output, info);
            foreach (var work in _work.GetConsumingEnumerable(_stop.Token)) work(writer);
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // The rendering thread may be waiting to hand over a page: release it, it rethrows this.
            _stop.Cancel();
            throw;
        }
    }

    /// <summary>
    /// Ends the writer thread. Without <see cref="Complete"/> first (the render failed) it is stopped at the next page
    /// rather than made to write pages nobody will read; its failure, if any, is not thrown over the render's own.
    /// </summary>
    public void Dispose()
    {
        if (!_writing.IsCompleted) _stop.Cancel();
        if (!_work.IsAddingCompleted) _work.CompleteAdding();
        try { _writing.Wait(); }
        catch (AggregateException) { }
        _work.Dispose();
        _stop.Dispose();
    }
}
