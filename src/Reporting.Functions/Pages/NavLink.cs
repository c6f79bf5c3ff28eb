namespace Reporting.Functions.Pages;

/// <summary>One link of the nav bar.</summary>
public sealed record NavLink(string Label, string Url);
