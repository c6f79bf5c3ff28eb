namespace Reporting.Functions.Pages;

/// <summary>One row of the side-by-side comparison: markup for the old and the new side; a folded row says how many paragraphs it hides.</summary>
public sealed record DiffRow(DiffRowKind Kind, string Old, string New, int FoldedCount);

public enum DiffRowKind
{
    Same,
    Changed,
    Folded,
}
