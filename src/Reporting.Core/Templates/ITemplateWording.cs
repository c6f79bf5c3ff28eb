namespace Reporting.Core.Templates;

/// <summary>
/// The words of the report's template: the heading each numbered part prints under, and the numeral that heading begins with.
/// Core knows the parts by key, order and whether they are required, and reads a part's own heading line by its numeral; it
/// holds no wording, so the app supplies these (zh-CN, in Reporting.Typesetting, where the documents' other words are).
/// </summary>
public interface ITemplateWording
{
    /// <summary>
    /// The numeral, separator included, a numbered part's heading begins with (一、 for duty, the first): a line that begins
    /// with it may be the part's own heading. The preamble, which has no heading, has none: empty.
    /// </summary>
    string HeadingNumeral(ReportSection section);

    /// <summary>
    /// The heading the template gives a numbered part, beginning with its <see cref="HeadingNumeral"/>: printed when the part's
    /// text brings no heading of its own. The preamble's is empty.
    /// </summary>
    string Heading(ReportSection section);
}
