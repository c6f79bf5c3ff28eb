using Reporting.Core.Drafts;
using Reporting.Core.Templates;

namespace Reporting.Core.Documents;

/// <summary>
/// Reads a report written as plain text (title line, optional recipient line ending in ：, preamble,
/// then 一、 … 五、 parts) into the bodies of its parts, each starting with its heading line as written, so it can be assembled like submitted drafts.
/// </summary>
public sealed record PlainTextReport(string Title, string? Recipient, IReadOnlyDictionary<string, string> Parts)
{
    /// <summary>The numeral each numbered part's heading starts with (一、 for duty), as the template words the heading.</summary>
    private static readonly (string Numeral, ReportSection Section)[] Numbered =
        [.. ReportTemplate.Sections.Where(s => s.Order > 0).Select(s => (s.Heading[..2], s))];

    public static PlainTextReport Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        var index = 0;
        while (index < lines.Count && lines[index].Length == 0) index++;
        var title = index < lines.Count ? lines[index++] : "";
        while (index < lines.Count && lines[index].Length == 0) index++;
        string? recipient = null;
        if (index < lines.Count && (lines[index].EndsWith('：') || lines[index].EndsWith(':')) && lines[index].Length <= 40)
            recipient = lines[index++];

        var parts = new Dictionary<string, List<string>>();
        var current = ReportTemplate.Preamble.Key;
        for (; index < lines.Count; index++)
        {
            var line = lines[index];
            var numbered = Array.FindIndex(Numbered, n => line.StartsWith(n.Numeral, StringComparison.Ordinal));
            if (numbered >= 0)
            {
                current = Numbered[numbered].Section.Key;
                parts.TryAdd(current, []);
            }
            if (!parts.TryGetValue(current, out var list)) parts[current] = list = [];
            list.Add(line);
        }
        return new PlainTextReport(title, recipient, parts.ToDictionary(
            p => p.Key,
            p => DraftBody.Normalize(string.Join('\n', p.Value), ReportTemplate.Find(p.Key)!)));
    }
}
