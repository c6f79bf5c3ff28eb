using System.Text;
using Reporting.Core.Documents;
using Reporting.Core.Errors;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>Normalises and checks the text of a part before it is stored.</summary>
public static class DraftBody
{
    /// <summary>Longest accepted body, in Unicode characters (𠮷 counts once).</summary>
    public const int MaxCharacters = 200_000;

    /// <summary>
    /// Line endings (and the form feeds Word writes for page breaks in .txt exports) become \n and trailing blanks go.
    /// A first line that is the part's own numbered heading (“一、…” for duty) is kept as written, because the
    /// heading the department wrote is the one printed; a body that is nothing but that heading is empty.
    /// </summary>
    /// <param name="wording">The template's words: the numeral the part's own heading begins with.</param>
    public static string Normalize(string body, ReportSection section, ITemplateWording wording)
    {
        var text = body.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n');
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count > 0 && IsOwnHeading(lines[0].Trim(), section, wording) && lines.Skip(1).All(l => l.Trim().Length == 0)) return "";
        return string.Join('\n', lines);
    }

    /// <summary>Longest line taken for a part's own heading (the template's longest is 38 characters).</summary>
    private const int MaxHeadingLength = 60;

    /// <summary>
    /// The part's numbered heading, not a paragraph that happens to start with the numeral: short and with no
    /// sentence inside, so a first line that runs body text on after the heading is kept rather than lost. It begins with the
    /// numeral the template's <paramref name="wording"/> gives the part (the preamble has none, so never has a heading).
    /// </summary>
    public static bool IsOwnHeading(string line, ReportSection section, ITemplateWording wording) =>
        section.Numbered
        && line.StartsWith(wording.HeadingNumeral(section), StringComparison.Ordinal)
        && line.Length <= MaxHeadingLength
        && !line.TrimEnd(Punctuation.FullStop).Contains(Punctuation.FullStop);

    /// <summary>Adds to <paramref name="errors"/> what is wrong with an already normalised body.</summary>
    public static void Validate(string? body, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(body)) { errors.Add("body", RefusalCode.BodyEmpty); return; }
        var count = 0;
        var line = 1;
        var column = 0;
        foreach (var rune in body.EnumerateRunes())
        {
            count++;
            column++;
            if (rune.Value == '\n') { line++; column = 0; continue; }
            if (rune.Value == '\t') continue;
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar || (rune.Value >= 0xFDD0 && rune.Value <= 0xFDEF) || (rune.Value & 0xFFFE) == 0xFFFE)
            {
                errors.Add("body", RefusalCode.BodyUnprintable, line, column, rune.Value);
                return;
            }
            if (DisguisingCharacters.Describe(rune) is { } kind)
            {
                errors.Add("body", RefusalCode.BodyDisguising, line, column, rune.Value, kind);
                return;
            }
        }
        if (body.Any(char.IsSurrogate) && !IsWellFormed(body))
            errors.Add("body", RefusalCode.BodyIllFormed);
        if (count > MaxCharacters)
            errors.Add("body", RefusalCode.BodyTooLong, count, MaxCharacters);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
