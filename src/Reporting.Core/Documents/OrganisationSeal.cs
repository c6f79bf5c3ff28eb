namespace Reporting.Core.Documents;

/// <summary>
/// An organisation's seal (印章) to print over its 署名 and 成文日期 [GB/T 9704 7.3.5.1]: a PNG with transparency,
/// and whose it is (its full name), which the typesetter words for a screen reader. Its printed size is the PNG's physical size (pHYs), else
/// <see cref="DefaultDiameterMm"/> across.
/// </summary>
public sealed record OrganisationSeal(byte[] Png, string OrganisationName)
{
    /// <summary>An organisation's round seal is 42 mm across unless its image says otherwise.</summary>
    public const double DefaultDiameterMm = 42;
}
