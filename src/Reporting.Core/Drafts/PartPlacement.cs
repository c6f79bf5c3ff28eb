using Reporting.Core.Errors;
using Reporting.Core.Templates;

namespace Reporting.Core.Drafts;

/// <summary>
/// Catches text submitted under the wrong part: a body whose first line is another part's numbered heading
/// (“一、…” chosen as 二), or the whole report pasted into one part. Either would print a report whose headings
/// contradict each other, and the author rarely notices in a 200,000-character box.
/// </summary>
public static class PartPlacement
{
    /// <summary>Adds to <paramref name="errors"/> when an already normalised <paramref name="body"/> belongs elsewhere.</summary>
    /// <param name="wording">The template's words: the numerals the parts' headings begin with.</param>
    public static void Check(string body, ReportSection section, ITemplateWording wording, ValidationErrors errors)
    {
        var lines = body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return;
        var others = ReportTemplate.Sections.Where(s => s.Numbered && s != section).ToList();
        var foreign = others.Where(s => lines.Any(l => DraftBody.IsOwnHeading(l, s, wording))).ToList();
        if (foreign.Count >= 2)
        {
            errors.Add("body", RefusalCode.WholeReportPasted, foreign, section);
            return;
        }
        if (others.FirstOrDefault(s => DraftBody.IsOwnHeading(lines[0], s, wording)) is { } first)
            errors.Add("body", RefusalCode.ForeignHeading, Shorten(lines[0]), first, section);
    }

    /// <summary>The line is echoed in the refusal: bounded, as any echo of input.</summary>
    public static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "…";
}
