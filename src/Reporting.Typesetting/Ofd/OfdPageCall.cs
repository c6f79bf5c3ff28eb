using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Ofd;

/// <summary>
/// One drawing call the layout made on a page of the OFD surface, kept until the writer's thread replays it: a line
/// (the composed line itself, which the layout never changes once set, so nothing is copied), an image or a bookmark.
/// </summary>
internal readonly struct OfdPageCall
{
    private readonly object _subject;
    private readonly double _left;
    private readonly double _top;
    private readonly int _level;

    private OfdPageCall(object subject, double left, double top, int level) =>
        (_subject, _left, _top, _level) = (subject, left, top, level);

    public static OfdPageCall Line(ComposedLine line, double baseline) => new(line, 0, baseline, 0);

    public static OfdPageCall Image(SealImage image, double left, double top) => new(image, left, top, 0);

    /// <param name="title">The title the outline shows (a volume's section title already put in place of the element's).</param>
    public static OfdPageCall Bookmark(string title, int level, double top) => new(title, 0, top, level);

    public void Replay(OfdWriter writer)
    {
        switch (_subject)
        {
            case ComposedLine line: writer.DrawLine(line, _top); break;
            case SealImage image: writer.DrawImage(image, _left, _top); break;
            default: writer.Bookmark((string)_subject, _level, _top); break;
        }
    }
}
