namespace Reporting.Core.Documents;

/// <summary>
/// An organisation's seal (印章) to print over its 署名 and 成文日期 [GB/T 9704 7.3.5.1]: a PNG with transparency,
/// and what a screen reader says for it. Its printed size is the PNG's physical size (pHYs), else
/// <see cref="DefaultDiameterMm"/> across.
/// </summary>
public sealed record OrganisationSeal(byte[] Png, string AltText)
{
    /// <summary>An organisation's round seal is 42 mm across unless its image says otherwise.</summary>
    public const double DefaultDiameterMm = 42;

    /// <summary>The seal of <paramref name="organisationName"/> (its full name), which a screen reader reads as that name and 印章.</summary>
    public static OrganisationSeal Of(byte[] png, string organisationName) => new(png, organisationName + "印章");
}
