using Reporting.Core.Access;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Core.ReportAssembly;
using Reporting.Functions.Pages;
using Reporting.Functions.Wording;
using Reporting.Typesetting.Docx;

namespace Reporting.Functions.ReadModels;

/// <summary>
/// Editable copies (.docx) of what the system holds, made on request and never stored: a draft version as submitted,
/// and an assembled report version with the very text its PDF has (the approved versions it was made from). They
/// are for going on in WPS or Word; the header of every page says the signed PDF is the official record.
/// Access as for the text itself: a draft for whoever may read the report, a report version for whoever may
/// download its PDF.
/// </summary>
public class EditableCopies(
    DistrictDirectory directory,
    ReportQueries queries,
    ReportAssembler assembler,
    IDocumentWording wording)
{
    public virtual async Task<EditableCopy> DraftAsync(string? year, string? department, string? section, string? version, Caller caller,
        CancellationToken cancellationToken = default)
    {
        var (key, part, draft) = await queries.FindDraftAsync(year, department, section, version, caller, cancellationToken);
        var number = draft.Version;
        var owner = directory.Find(key.Department)!;
        var document = ReportDocumentBuilder.Build(wording, owner, key.Year, directory.Office, new Dictionary<string, string> { [part.Key] = draft.Body },
            DateOnly.FromDateTime(draft.SubmittedAt.UtcDateTime), draft.SubmittedAt);
        var content = DocxPackage.Write(document, new DocxOptions { HeaderNote = EditableCopyWords.DraftHeader });
        return new EditableCopy(content, EditableCopyWords.DraftFileName(owner.Name, key.Year, Words.Part(part), number),
            $"{key.Department}-{key.Year}-{part.Key}-v{number}.docx");
    }

    /// <param name="version">The assembled version; null: the newest, as the PDF route.</param>
    public virtual async Task<EditableCopy> ReportAsync(string? year, string? department, string? version, Caller caller,
        CancellationToken cancellationToken = default)
    {
        var (key, assembled) = await queries.FindAssembledAsync(year, department, version, caller, cancellationToken);
        var owner = directory.Find(key.Department)!;
        var document = await assembler.BuildDocumentAsync(key, owner, assembled, cancellationToken);
        var content = DocxPackage.Write(document with { Seal = null },
            new DocxOptions { DateText = document.DateText, HeaderNote = EditableCopyWords.ReportHeader });
        return new EditableCopy(content, EditableCopyWords.ReportFileName(owner.Name, key.Year, assembled.Version),
            $"{key.Department}-{key.Year}-v{assembled.Version}.docx");
    }
}
