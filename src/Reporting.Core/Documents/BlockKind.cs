namespace Reporting.Core.Documents;

public enum BlockKind
{
    /// <summary>A first-level heading such as “一、…”, its own paragraph.</summary>
    Heading,
    /// <summary>A body paragraph. Lower levels (（一）, 1., （1）) are paragraphs whose text starts with their numeral.</summary>
    Paragraph,
}
