using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.Typesetting.Signing;

/// <summary>
/// Puts the signature's widget into a tagged file's structure tree, as PDF/UA-1 (7.18.1, 7.18.4) asks of every
/// annotation and of a form field: a <c>Form</c> structure element whose content is the widget (an <c>OBJR</c>), the
/// widget's <c>/StructParent</c> a new key of the parent tree that maps back to that element. The element goes just
/// after the seal's <c>Figure</c> (under the same parent) when the seal is drawn, else last in the document element.
/// The revised parent, parent tree and tree root are written to the update; nothing else of the tree changes.
/// </summary>
internal static partial class WidgetStructure
{
    /// <returns>The widget's /StructParent key, or null when the file is not tagged (no /StructTreeRoot).</returns>
    public static int? Add(PdfRevision revision, IncrementalUpdate update, string catalog, int widget, int page, int? figure)
    {
        if (TreeRootEntry().Match(catalog) is not { Success: true } rootEntry) return null;
        var treeRootNumber = Number(rootEntry);
        var treeRoot = revision.Dictionary(treeRootNumber);
        var parentTreeNumber = Number(ParentTreeEntry().Match(treeRoot));
        var key = int.Parse(NextKey().Match(treeRoot) is { Success: true } next ? next.Groups[1].Value
            : throw new InvalidDataException("The structure tree root has no /ParentTreeNextKey."), CultureInfo.InvariantCulture);

        int parent;
        string parentElement;
        var form = update.Reserve();
        if (figure is { } figureNumber)
        {
            parent = Number(ParentEntry().Match(revision.Dictionary(figureNumber)));
            parentElement = revision.Dictionary(parent);
            var kids = KidsArray(parentElement);
            // The kids' references scanned with a generated pattern: a pattern built here at run time would cost a cold
            // render the Regex parser's and interpreter's first use.
            var at = PdfRevision.Reference().Matches(parentElement[kids.Start..kids.End])
                .FirstOrDefault(r => int.Parse(r.Groups[1].ValueSpan, CultureInfo.InvariantCulture) == figureNumber)
                ?? throw new InvalidDataException($"The seal's figure {figureNumber} is not among its parent's kids.");
            parentElement = parentElement.Insert(kids.Start + at.Index + at.Length, $" {form} 0 R");
        }
        else
        {
            parent = Number(TopEntry().Match(treeRoot));
            parentElement = revision.Dictionary(parent);
            parentElement = parentElement.Insert(KidsArray(parentElement).End - 1, $" {form} 0 R");
        }
        update.Object(form, $"<</Type/StructElem/S/Form/P {parent} 0 R/Pg {page} 0 R/K<</Type/OBJR/Obj {widget} 0 R/Pg {page} 0 R>>>>");
        update.Object(parent, parentElement);

        // Keys ascend; the new one is the tree's next, above every key in it. Where the root holds its leaves in /Kids (as
        // we write it) the key goes into a leaf of its own after them and only the root is rewritten; a flat /Nums gets it appended.
        var parentTree = revision.Dictionary(parentTreeNumber);
        var leaves = parentTree.IndexOf("/Kids", StringComparison.Ordinal);
        if (leaves >= 0)
        {
            var leaf = update.Reserve();
            update.Object(leaf, $"<</Limits[{key} {key}]/Nums[{key} {form} 0 R]>>");
            var leavesEnd = ArrayEnd(parentTree, parentTree.IndexOf('[', leaves));
            update.Object(parentTreeNumber, parentTree.Insert(leavesEnd - 1, $" {leaf} 0 R"));
        }
        else
        {
            var nums = parentTree.IndexOf("/Nums", StringComparison.Ordinal);
            if (nums < 0) throw new InvalidDataException("The parent tree has neither /Kids nor /Nums.");
            var numsEnd = ArrayEnd(parentTree, parentTree.IndexOf('[', nums));
            update.Object(parentTreeNumber, parentTree.Insert(numsEnd - 1, $" {key} {form} 0 R"));
        }
        update.Object(treeRootNumber, NextKey().Replace(treeRoot, $"/ParentTreeNextKey {key + 1}"));
        return key;
    }

    /// <summary>Where the element's /K array lies ([Start, End), brackets included).</summary>
    private static (int Start, int End) KidsArray(string element)
    {
        var k = KidsEntry().Match(element);
        if (!k.Success) throw new InvalidDataException("A structure element's /K is not an array.");
        var open = k.Index + k.Length - 1;
        return (open, ArrayEnd(element, open));
    }

    /// <summary>Just past the bracket that closes the array opened at <paramref name="open"/> (strings in it hold no brackets here).</summary>
    private static int ArrayEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '[') depth++;
            else if (text[i] == ']' && --depth == 0) return i + 1;
        }
        throw new InvalidDataException("An array is not closed.");
    }

    private static int Number(Match reference) => reference.Success
        ? int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture)
        : throw new InvalidDataException("A structure tree entry is missing.");

    // “/Name n 0 R”, the name whole (/P is not /Pg).
    [GeneratedRegex(@"/StructTreeRoot\s+(\d+)\s+0\s+R")] private static partial Regex TreeRootEntry();
    [GeneratedRegex(@"/ParentTree\s+(\d+)\s+0\s+R")] private static partial Regex ParentTreeEntry();
    [GeneratedRegex(@"/P\s+(\d+)\s+0\s+R")] private static partial Regex ParentEntry();
    [GeneratedRegex(@"/K\s+(\d+)\s+0\s+R")] private static partial Regex TopEntry();
    [GeneratedRegex(@"/ParentTreeNextKey\s+(\d+)")] private static partial Regex NextKey();
    [GeneratedRegex(@"/K\s*\[")] private static partial Regex KidsEntry();
}
