namespace Reporting.Core.Templates;

/// <summary>One mandated part of the annual report, in template order.</summary>
public sealed record ReportSection(string Key, string Heading, bool Required, int Order)
{
    /// <summary>The numbered heading without its "一、" numeral, for matching a body's own heading line.</summary>
    public string HeadingText => Heading.Length > 2 && Heading[1] == '、' ? Heading[2..] : Heading;

    /// <summary>A name short enough for a table column: 开头部分, 第一部分 … 第五部分.</summary>
    public string ShortName => Order == 0 ? "开头部分" : $"第{"一二三四五六七八九"[Order - 1]}部分";
}
