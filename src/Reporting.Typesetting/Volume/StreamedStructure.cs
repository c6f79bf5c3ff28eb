using System.Globalization;
using System.Text;
using Reporting.Typesetting.Layout;
using Reporting.Typesetting.Rendering;

namespace Reporting.Typesetting.Volume;

/// <summary>
/// The structure tree of a streamed document (the volume). Each section's elements are written as soon as the section is
/// drawn, and its nodes dropped; what is kept to the end is an object number per marked sequence on each page (the
/// parent tree) and one per section (the document element's kids), so memory stays flat as the volume grows.
/// </summary>
/// <param name="pages">The volume's page count: annotations' keys in the parent tree follow the pages' (page n has key n − 1).</param>
internal sealed class StreamedStructure(PdfStreamWriter writer, Func<int, int> pageObject, int pages)
{
    private readonly Dictionary<StructureNode, List<(int Page, int Mcid)>> _content = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StructureNode, (int Annotation, int Page)> _links = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Page, List<StructureNode> Marks)> _pending = [];
    private readonly List<(int Page, int[] Elements)> _pages = [];
    private readonly List<(StructureNode Link, int Key)> _pendingLinks = [];
    private readonly List<(int Key, int Element)> _annotations = [];
    private readonly List<int> _sections = [];
    private List<StructureNode> _marks = [];
    private int _page;

    public int TreeRoot { get; } = writer.Allocate();
    private int Document { get; } = writer.Allocate();

    public void BeginPage(int page)
    {
        _page = page;
        _marks = [];
    }

    /// <summary>The operator opening marked content for <paramref name="node"/> (null: an artifact).</summary>
    public string Mark(StructureNode? node)
    {
        if (node is null) return "/Artifact <</Type/Pagination>> BDC\n";
        var mcid = _marks.Count;
        _marks.Add(node);
        if (!_content.TryGetValue(node, out var list)) _content[node] = list = [];
        list.Add((_page, mcid));
        return string.Create(CultureInfo.InvariantCulture, $"/{node.Role} <</MCID {mcid}>> BDC\n");
    }

    /// <summary>Whether the page has marked content; its /StructParents is then its number − 1.</summary>
    public bool EndPage()
    {
        if (_marks.Count > 0) _pending.Add((_page, _marks));
        return _marks.Count > 0;
    }

    /// <summary>A link annotation (object <paramref name="annotation"/>) as the content of <paramref name="link"/>; its /StructParent key.</summary>
    public int Annotation(StructureNode link, int annotation)
    {
        _links[link] = (annotation, _page);
        var key = pages + _pendingLinks.Count + _annotations.Count;
        _pendingLinks.Add((link, key));
        return key;
    }

    /// <summary>
    /// Writes the subtrees of <paramref name="nodes"/> (all that the pages since the last flush marked) as kids of the
    /// document element, and forgets their nodes.
    /// </summary>
    /// <returns>The object number of each node's element (what the cover's seal figure is looked up in).</returns>
    public IReadOnlyDictionary<StructureNode, int> Flush(IEnumerable<StructureNode> nodes)
    {
        var numbers = new Dictionary<StructureNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var node in nodes)
            if (Write(node, Document, numbers) is { } number) _sections.Add(number);
        foreach (var (page, marks) in _pending) _pages.Add((page, [.. marks.Select(m => numbers[m])]));
        foreach (var (link, key) in _pendingLinks) _annotations.Add((key, numbers[link]));
        _pending.Clear();
        _pendingLinks.Clear();
        _content.Clear();
        _links.Clear();
        return numbers;
    }

    /// <summary>The document element, the parent tree and the tree root.</summary>
    public void Finish()
    {
        writer.WriteObject(Document, $"<</S/Document/P {TreeRoot} 0 R/K[{string.Join(' ', _sections.Select(s => $"{s} 0 R"))}]>>");
        var nums = new StringBuilder();
        foreach (var (page, elements) in _pages.OrderBy(p => p.Page))
            nums.Append(CultureInfo.InvariantCulture, $"{page - 1} [{string.Join(' ', elements.Select(e => $"{e} 0 R"))}] ");
        foreach (var (key, element) in _annotations) nums.Append(CultureInfo.InvariantCulture, $"{key} {element} 0 R ");
        // A root whose one leaf holds the /Nums (see TaggedContent.ParentTree): the signature's update rewrites only the root.
        var parentTree = writer.Allocate();
        var last = _annotations.Count > 0 ? _annotations[^1].Key : _pages.Count > 0 ? _pages.Max(p => p.Page) - 1 : -1;
        if (last < 0) writer.WriteObject(parentTree, "<</Nums[]>>");
        else
        {
            var leaf = writer.Allocate();
            var first = _pages.Count > 0 ? _pages.Min(p => p.Page) - 1 : _annotations[0].Key;
            writer.WriteObject(leaf, $"<</Limits[{first} {last}]/Nums[{nums.ToString().TrimEnd()}]>>");
            writer.WriteObject(parentTree, $"<</Kids[{leaf} 0 R]>>");
        }
        writer.WriteObject(TreeRoot, $"<</Type/StructTreeRoot/K {Document} 0 R/ParentTree {parentTree} 0 R/ParentTreeNextKey {pages + _annotations.Count}>>");
    }

    private int? Write(StructureNode node, int parent, Dictionary<StructureNode, int> numbers)
    {
        var marks = _content.GetValueOrDefault(node);
        var link = _links.TryGetValue(node, out var l) ? l : ((int, int)?)null;
        if (marks is null && link is null && node.Children.Count == 0) return null;
        var number = writer.Allocate();
        numbers[node] = number;
        var kids = new StringBuilder();
        var page = marks?[0].Page ?? link?.Item2 ?? -1;
        foreach (var (p, mcid) in marks ?? [])
            kids.Append(p == page ? $"{mcid} " : $"<</Type/MCR/Pg {pageObject(p)} 0 R/MCID {mcid}>> ");
        if (link is { } annotation) kids.Append(CultureInfo.InvariantCulture,
            $"<</Type/OBJR/Pg {pageObject(annotation.Item2)} 0 R/Obj {annotation.Item1} 0 R>> ");
        foreach (var child in node.Children)
            if (Write(child, number, numbers) is { } kid) kids.Append(CultureInfo.InvariantCulture, $"{kid} 0 R ");
        var alt = node.Alt is { } text ? "/Alt " + PdfStreamWriter.Text(text) : "";
        var pg = page >= 0 ? $"/Pg {pageObject(page)} 0 R" : "";
        writer.WriteObject(number, $"<</S/{node.Role}/P {parent} 0 R{pg}{alt}/K[{kids.ToString().TrimEnd()}]>>");
        return number;
    }
}
