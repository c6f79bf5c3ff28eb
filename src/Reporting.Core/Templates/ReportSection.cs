namespace Reporting.Core.Templates;

/// <summary>
/// One mandated part of the annual report, in template order. Its heading is worded by <see cref="ITemplateWording"/>: Core
/// holds the part's key, whether it is required and its place, and no words.
/// </summary>
public sealed record ReportSection(string Key, bool Required, int Order)
{
    /// <summary>
    /// Whether the part prints under a numbered heading (the <see cref="Order"/>-th numeral): every part but the preamble,
    /// which opens the report under none.
    /// </summary>
    public bool Numbered => Order > 0;
}
