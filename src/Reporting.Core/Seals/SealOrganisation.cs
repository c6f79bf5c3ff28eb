namespace Reporting.Core.Seals;

/// <summary>Who may have a seal: every department of the directory, and the district office (whose seal goes on the compiled volume).</summary>
/// <param name="Code">The department's code, or <see cref="OfficeCode"/> for the district office.</param>
public sealed record SealOrganisation(string Code, string Name)
{
    /// <summary>The district office's code among the seal holders (as the user id office is the district office's).</summary>
    public const string OfficeCode = "office";

    public bool IsOffice => Code == OfficeCode;
}
