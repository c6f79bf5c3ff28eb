using Reporting.Core.Templates;

namespace Reporting.Core.Documents;

/// <summary>
/// The district's compiled volume (汇编) for a year: a cover, a table of contents, each complete
/// department's report, and a closing table of who is still missing what.
/// </summary>
/// <param name="Compiler">Who compiled the volume, named on the cover (…办公室 编); by default the author in <paramref name="Info"/>.</param>
/// <param name="Seal">The district office's seal, printed on the cover over the compiler and the month; null: unsealed.</param>
/// <param name="CompiledOn">When, named on the cover as year and month; by default the date <paramref name="Info"/> was created.</param>
public sealed record VolumeDocument(
    string District,
    int Year,
    string Title,
    IReadOnlyList<VolumeEntry> Reports,
    IReadOnlyList<MissingReport> Missing,
    DocumentInfo Info,
    string? Compiler = null,
    DateOnly? CompiledOn = null,
    OrganisationSeal? Seal = null)
{
    public string CompilerName => Compiler ?? Info.Author;

    public DateOnly CompiledDate => CompiledOn ?? DateOnly.FromDateTime(Info.CreatedAt.DateTime);
}

/// <summary>One department's report inside the volume.</summary>
public sealed record VolumeEntry(string DepartmentCode, string DepartmentName, ReportDocument Report);

/// <summary>A department whose report is not complete, with the state of each required part.</summary>
public sealed record MissingReport(string DepartmentCode, string DepartmentName, IReadOnlyList<PartState> Parts)
{
    /// <summary>The parts not approved yet.</summary>
    public IEnumerable<PartState> MissingParts => Parts.Where(p => p.Status != PartStatus.Approved);
}

/// <summary>A required part of a report as the status table shows it: which part (the table words its name) and where it stands.</summary>
public sealed record PartState(ReportSection Part, PartStatus Status);
