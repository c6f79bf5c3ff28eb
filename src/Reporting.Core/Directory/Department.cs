namespace Reporting.Core.Directory;

/// <summary>A department that owes the district an annual report. <see cref="Code"/> is a lowercase slug.</summary>
public sealed record Department(string Code, string Name, string? ShortName = null);
