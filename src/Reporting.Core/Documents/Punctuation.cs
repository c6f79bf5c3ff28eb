namespace Reporting.Core.Documents;

/// <summary>
/// The full-width punctuation the parsing of a report's text reads its structure by. Named here, as characters rather than
/// words: a salutation line ends with a colon, a heading line holds no sentence.
/// </summary>
public static class Punctuation
{
    /// <summary>FULLWIDTH COLON (U+FF1A), with which a 主送 line ends.</summary>
    public const char FullWidthColon = '\uFF1A';

    /// <summary>IDEOGRAPHIC FULL STOP (U+3002), with which a sentence ends.</summary>
    public const char FullStop = '\u3002';
}
