namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Where a seal was drawn, for the visible signature's widget: in PDF points and PDF coordinates (y up, from the page's
/// lower-left corner); <paramref name="PageIndex"/> is 0-based.
/// </summary>
internal sealed record SealPlacement(int PageIndex, double Left, double Bottom, double Width, double Height);
