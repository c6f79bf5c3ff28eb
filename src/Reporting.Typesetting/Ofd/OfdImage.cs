namespace Reporting.Typesetting.Ofd;

/// <summary>An image placed on a page: the multimedia resource it shows and its box, in micrometres from the page's top-left corner.</summary>
internal readonly record struct OfdImage(int ResourceId, long X, long Y, long Width, long Height);
