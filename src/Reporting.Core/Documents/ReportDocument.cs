namespace Reporting.Core.Documents;

/// <summary>
/// A report ready to typeset: title, recipient line (with its full-width colon), the blocks in
/// reading order, and the signature and date that close it. Plain data; no layout decisions.
/// </summary>
/// <param name="DateText">The date as the document writes it (<see cref="IDocumentWording.Date"/>).</param>
/// <param name="Seal">The signing organisation's seal, printed over the 署名 and 成文日期 [GB/T 9704 7.3.5.1]; null: unsealed [7.3.5.2].</param>
public sealed record ReportDocument(
    string Title,
    string? Recipient,
    IReadOnlyList<DocumentBlock> Blocks,
    string Signature,
    DateOnly Date,
    string DateText,
    DocumentInfo Info,
    OrganisationSeal? Seal = null)
{
    /// <summary>Every character the typesetter will have to draw, for coverage checks.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Title;
        if (Recipient is not null) yield return Recipient;
        foreach (var block in Blocks) yield return block.Text;
        yield return Signature;
        yield return DateText;
    }
}
