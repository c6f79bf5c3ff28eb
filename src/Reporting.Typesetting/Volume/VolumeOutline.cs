using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// The volume's bookmarks as a PDF outline: a department (level 0) with its 一、 headings (level 1) below it.
/// Two hundred departments with their headings open would be a thousand lines, so the departments start
/// closed (a negative /Count).
/// </summary>
internal static class VolumeOutline
{
    /// <returns>The outline root's object number.</returns>
    public static int Write(PdfStreamWriter writer, VolumeSurface surface)
    {
        var items = surface.Bookmarks;
        var root = writer.Allocate();
        var numbers = items.Select(_ => writer.Allocate()).ToArray();
        var parents = new int[items.Count];
        var topLevel = new List<int>();
        var children = new Dictionary<int, List<int>>();
        for (var i = 0; i < items.Count; i++)
        {
            var parent = items[i].Level == 0 || topLevel.Count == 0 ? -1 : topLevel[^1];
            parents[i] = parent;
            if (parent < 0) topLevel.Add(i);
            else (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(i);
        }
        for (var i = 0; i < items.Count; i++)
        {
            var siblings = parents[i] < 0 ? topLevel : children[parents[i]];
            var at = siblings.IndexOf(i);
            var (title, _, page, top) = items[i];
            var entry = $"<</Title {PdfStreamWriter.Text(title)}/Parent {(parents[i] < 0 ? root : numbers[parents[i]])} 0 R" +
                $"/Dest[{surface.PageObject(page)} 0 R/XYZ {PdfStreamWriter.Number(PageGeometry.Left(page))} {PdfStreamWriter.Number(top)} 0]";
            if (at > 0) entry += $"/Prev {numbers[siblings[at - 1]]} 0 R";
            if (at + 1 < siblings.Count) entry += $"/Next {numbers[siblings[at + 1]]} 0 R";
            if (children.TryGetValue(i, out var kids))
                entry += $"/First {numbers[kids[0]]} 0 R/Last {numbers[kids[^1]]} 0 R/Count -{kids.Count}";
            writer.WriteObject(numbers[i], entry + ">>");
        }
        writer.WriteObject(root, topLevel.Count == 0 ? "<</Type/Outlines/Count 0>>"
            : $"<</Type/Outlines/First {numbers[topLevel[0]]} 0 R/Last {numbers[topLevel[^1]]} 0 R/Count {topLevel.Count}>>");
        return root;
    }
}
