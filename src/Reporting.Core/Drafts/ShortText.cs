using System.Globalization;
using System.Text;
using Reporting.Core.Errors;

namespace Reporting.Core.Drafts;

/// <summary>
/// Names and comments are echoed on pages, in e-mails and in the audit record, where a control character (NUL,
/// ESC, C1, a bidirectional override) can hide or forge what a reader sees. Unlike a draft's body they refuse
/// every control and format character; a comment may keep its line breaks.
/// </summary>
public static class ShortText
{
    /// <summary>Adds to <paramref name="errors"/> the first hidden character of <paramref name="value"/>, naming it and its position.</summary>
    public static void Validate(string field, string? value, ValidationErrors errors, bool lineBreaks = false)
    {
        if (value is null) return;
        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            position++;
            if (lineBreaks && rune.Value is '\n' or '\r') continue;
            if (!IsHidden(rune)) continue;
            errors.Add(field, RefusalCode.HiddenCharacter, field, position, rune.Value);
            return;
        }
    }

    private static bool IsHidden(Rune rune) =>
        rune == Rune.ReplacementChar
        || DisguisingCharacters.Describe(rune) is not null
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}
