namespace Reporting.Core.Templates;

/// <summary>One mandated part of the annual report, in template order.</summary>
public sealed record ReportSection(string Key, string Heading, bool Required, int Order)
{
    /// <summary>The numbered heading without its "一、" numeral, for matching a body's own heading line.</summary>
    public string HeadingText => Heading.Length > 2 && Heading[1] == '、' ? Heading[2..] : Heading;
}
