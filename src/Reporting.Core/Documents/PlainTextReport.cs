using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Core.Documents;

/// <summary>
/// Reads a report written as plain text (title line, optional recipient line ending in ：, preamble,
/// then 一、 … 五、 parts) into the bodies of its parts, each starting with its heading line as written, so it can be assembled like submitted drafts.
/// </summary>
public sealed record PlainTextReport(string Title, string? Recipient, IReadOnlyDictionary<string, string> Parts)
{
    /// <param name="wording">The template's words: a line beginning with a part's heading numeral (一、 for duty) starts that part.</param>
    public static PlainTextReport Parse(string text, ITemplateWording wording)
    {
        var numbered = ReportTemplate.Sections.Where(s => s.Numbered).Select(s => (Numeral: wording.HeadingNumeral(s), Section: s)).ToArray();
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        var index = 0;
        while (index < lines.Count && lines[index].Length == 0) index++;
        var title = index < lines.Count ? lines[index++] : "";
        while (index < lines.Count && lines[index].Length == 0) index++;
        string? recipient = null;
        if (index < lines.Count && (lines[index].EndsWith(Punctuation.FullWidthColon) || lines[index].EndsWith(':')) && lines[index].Length <= 40)
            recipient = lines[index++];

        var parts = new Dictionary<string, List<string>>();
        var current = ReportTemplate.Preamble.Key;
        for (; index < lines.Count; index++)
        {
            var line = lines[index];
            var heading = Array.FindIndex(numbered, n => line.StartsWith(n.Numeral, StringComparison.Ordinal));
            if (heading >= 0)
            {
                current = numbered[heading].Section.Key;
                parts.TryAdd(current, []);
            }
            if (!parts.TryGetValue(current, out var list)) parts[current] = list = [];
            list.Add(line);
        }
        return new PlainTextReport(title, recipient, parts.ToDictionary(
            p => p.Key,
            p => DraftBody.Normalize(string.Join('\n', p.Value), ReportTemplate.Find(p.Key)!, wording)));
    }
}
