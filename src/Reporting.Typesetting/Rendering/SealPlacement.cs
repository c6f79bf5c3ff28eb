namespace Reporting.Typesetting.Rendering;

/// <summary>
/// Where a seal was drawn, for the visible signature's widget: in PDF points and PDF coordinates (y up, from the page's
/// lower-left corner); <paramref name="PageIndex"/> is 0-based.
/// </summary>
/// <param name="ImageObject">
/// The object number of the image XObject the page draws: the widget's appearance draws the same object, so the seal is
/// in the file once.
/// </param>
/// <param name="FigureElement">
/// The object number of the seal's <c>Figure</c> structure element (null: untagged), so the signer can put the widget's
/// <c>Form</c> element beside it in reading order.
/// </param>
internal sealed record SealPlacement(int PageIndex, double Left, double Bottom, double Width, double Height, int ImageObject, int? FigureElement);
