namespace Reporting.Typesetting.Rendering;

internal sealed record SealPlacement(int PageIndex, double Left, double Bottom, double Width, double Height);
