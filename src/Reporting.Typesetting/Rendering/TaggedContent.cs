using System.Globalization;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using Reporting.Typesetting.Layout;

namespace Reporting.Typesetting.Rendering;

/// <summary>
/// The tagged PDF (PDF/UA-1) of a PDFsharp document whose content we write ourselves: hands out the marked-content
/// operators (an MCID per stretch of one structure node on a page, /Artifact for what belongs to none, such as
/// page numbers), and at the end builds the structure tree, its parent tree and the catalog's /MarkInfo,
/// /StructTreeRoot and /ViewerPreferences with PDFsharp's object model. PDFsharp's own UAManager is not used: it
/// expects to draw the text itself through XGraphics.
/// </summary>
internal sealed class TaggedContent(PdfDocument document)
{
    private readonly List<(PdfPage Page, List<StructureNode> Marks)> _pages = [];
    private readonly Dictionary<StructureNode, List<(int Page, int Mcid)>> _content = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StructureNode, double[]> _boxes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StructureNode, PdfDictionary> _elements = new(ReferenceEqualityComparer.Instance);

    public void BeginPage(PdfPage page) => _pages.Add((page, []));

    /// <summary>The operator opening marked content for <paramref name="node"/> on the current page (null: an artifact).</summary>
    public string Mark(StructureNode? node)
    {
        if (node is null) return "/Artifact <</Type/Pagination>> BDC\n";
        var (_, marks) = _pages[^1];
        var mcid = marks.Count;
        marks.Add(node);
        if (!_content.TryGetValue(node, out var list)) _content[node] = list = [];
        list.Add((_pages.Count - 1, mcid));
        return string.Create(CultureInfo.InvariantCulture, $"/{node.Role} <</MCID {mcid}>> BDC\n");
    }

    /// <summary>As <see cref="Mark(StructureNode?)"/>, for a figure whose bounding box (PDF coordinates) its element states.</summary>
    public string Mark(StructureNode? node, double[] box)
    {
        if (node is not null) _boxes[node] = box;
        return Mark(node);
    }

    public void Finish(StructureNode root)
    {
        var treeRoot = Add(new PdfDictionary(document));
        treeRoot.Elements.SetName("/Type", "/StructTreeRoot");
        var elements = _elements;
        var top = Element(root, treeRoot, elements);
        if (top is not null) treeRoot.Elements["/K"] = top.Reference;

        var nums = new PdfArray(document);
        for (var i = 0; i < _pages.Count; i++)
        {
            var (page, marks) = _pages[i];
            if (marks.Count == 0) continue;
            page.Elements["/StructParents"] = new PdfInteger(i);
            var parents = new PdfArray(document);
            foreach (var node in marks) parents.Elements.Add(elements[node].Reference!);
            nums.Elements.Add(new PdfInteger(i));
            nums.Elements.Add(parents);
        }
        treeRoot.Elements["/ParentTree"] = ParentTree(nums).Reference;
        treeRoot.Elements["/ParentTreeNextKey"] = new PdfInteger(_pages.Count);

        var catalog = document.Internals.Catalog;
        catalog.Elements["/StructTreeRoot"] = treeRoot.Reference;
        var markInfo = new PdfDictionary(document);
        markInfo.Elements["/Marked"] = new PdfBoolean(true);
        catalog.Elements["/MarkInfo"] = markInfo;
        var preferences = new PdfDictionary(document);
        preferences.Elements["/DisplayDocTitle"] = new PdfBoolean(true);
        catalog.Elements["/ViewerPreferences"] = preferences;
    }

    /// <summary>
    /// The parent tree as a number tree whose root holds its one leaf in /Kids rather than the /Nums themselves: the
    /// signature's widget then joins it as a second leaf, and the signature's incremental update rewrites the small root, not
    /// the whole tree (which names an element for every marked stretch of every page).
    /// </summary>
    private PdfDictionary ParentTree(PdfArray nums)
    {
        var root = Add(new PdfDictionary(document));
        if (nums.Elements.Count == 0)
        {
            root.Elements["/Nums"] = nums;
            return root;
        }
        var leaf = Add(new PdfDictionary(document));
        var limits = new PdfArray(document);
        limits.Elements.Add(nums.Elements[0]);
        limits.Elements.Add(nums.Elements[^2]);
        leaf.Elements["/Limits"] = limits;
        leaf.Elements["/Nums"] = nums;
        var kids = new PdfArray(document);
        kids.Elements.Add(leaf.Reference!);
        root.Elements["/Kids"] = kids;
        return root;
    }

    /// <summary>The object number of <paramref name="node"/>'s structure element once the document is saved (null: it drew nothing).</summary>
    public int? ElementObject(StructureNode node) => _elements.TryGetValue(node, out var element) ? element.Reference!.ObjectNumber : null;

    /// <summary>The structure element of <paramref name="node"/> and its subtree; null for a node that drew nothing.</summary>
    private PdfDictionary? Element(StructureNode node, PdfDictionary parent, Dictionary<StructureNode, PdfDictionary> elements)
    {
        var marks = _content.GetValueOrDefault(node);
        if (marks is null && node.Children.Count == 0) return null;
        var element = Add(new PdfDictionary(document));
        elements[node] = element;
        // No /Type: a structure element's is optional (ISO 32000-1, table 323), and it was 16 bytes on every element.
        element.Elements.SetName("/S", "/" + node.Role);
        element.Elements["/P"] = parent.Reference;
        if (node.Alt is { } alt) element.Elements["/Alt"] = new PdfString(alt, PdfStringEncoding.Unicode);
        if (_boxes.TryGetValue(node, out var box))
        {
            var layout = new PdfDictionary(document);
            layout.Elements.SetName("/O", "/Layout");
            var bbox = new PdfArray(document);
            foreach (var v in box) bbox.Elements.Add(new PdfReal(Math.Round(v, 3)));
            layout.Elements["/BBox"] = bbox;
            element.Elements["/A"] = layout;
        }
        var kids = new PdfArray(document);
        if (marks is not null)
        {
            var first = marks[0].Page;
            element.Elements["/Pg"] = _pages[first].Page.Reference;
            foreach (var (page, mcid) in marks)
            {
                if (page == first) { kids.Elements.Add(new PdfInteger(mcid)); continue; }
                var reference = new PdfDictionary(document);
                reference.Elements.SetName("/Type", "/MCR");
                reference.Elements["/Pg"] = _pages[page].Page.Reference;
                reference.Elements["/MCID"] = new PdfInteger(mcid);
                kids.Elements.Add(reference);
            }
        }
        foreach (var child in node.Children)
            if (Element(child, element, elements) is { } kid) kids.Elements.Add(kid.Reference!);
        element.Elements["/K"] = kids;
        return element;
    }

    private PdfDictionary Add(PdfDictionary dictionary)
    {
        document.Internals.AddObject(dictionary);
        return dictionary;
    }
}
