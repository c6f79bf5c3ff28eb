namespace Reporting.Core.Directory;

/// <summary>The district's 法治政府建设领导小组办公室: receives every report.</summary>
/// <param name="Salutation">How reports address it on their recipient line (主送机关), without the colon.</param>
public sealed record DistrictOffice(string Name, string Salutation, string Email);
