namespace Reporting.Typesetting.Ofd;

/// <summary>An outline entry: its page's id and where on that page it points, in micrometres.</summary>
internal sealed record OfdBookmark(string Title, int Level, int PageId, long Left, long Top);
