using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Layout;

/// <summary>
/// A （一） paragraph is run-in [GB/T 9704 7.3.3]: its heading sentence, through the first 。, is set in Kai and the
/// rest in the body face. One rule for the PDF's layout and the editable copy, so the two cannot disagree.
/// </summary>
internal static partial class RunInHeading
{
    [GeneratedRegex(@"^（[一二三四五六七八九十百]+）")]
    private static partial Regex Numeral();

    /// <summary>How many characters at the start of <paramref name="paragraph"/> are its run-in heading: 0 when it has none.</summary>
    public static int Length(string paragraph)
    {
        if (!Numeral().IsMatch(paragraph)) return 0;
        var end = paragraph.IndexOf('。');
        return end < 0 ? paragraph.Length : end + 1;
    }
}
