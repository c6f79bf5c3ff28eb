namespace Reporting.Typesetting.Layout;

/// <summary>Standard structure types of the tagged PDF (ISO 32000-1 14.8.4) the layouts use.</summary>
internal enum StructureRole { Document, Sect, H1, H2, P, Figure, TOC, TOCI, Link }

/// <summary>
/// One element of the document's logical structure (the tagged PDF's structure tree), in reading order: the
/// layout gives each element its node, and a surface that tags marks what it draws for the current node.
/// A node whose content runs over pages stays one node.
/// </summary>
internal sealed class StructureNode
{
    private readonly List<StructureNode> _children = [];

    private StructureNode(StructureRole role, StructureNode? parent, string? alt)
    {
        Role = role;
        Parent = parent;
        Alt = alt;
    }

    public StructureRole Role { get; }
    public StructureNode? Parent { get; }

    /// <summary>What a screen reader says for a figure.</summary>
    public string? Alt { get; }

    public IReadOnlyList<StructureNode> Children => _children;

    /// <summary>The root of a document's tree.</summary>
    public static StructureNode Root() => new(StructureRole.Document, null, null);

    /// <summary>A new last child of this node.</summary>
    public StructureNode Add(StructureRole role, string? alt = null)
    {
        var child = new StructureNode(role, this, alt);
        _children.Add(child);
        return child;
    }
}
