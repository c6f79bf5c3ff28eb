using System.Text;
using Reporting.Core.Templates;

using Reporting.Functions.ReadModels;

namespace Reporting.Functions.Pages;

/// <summary>
/// 催报: every required part of an unfinished department that is not yet approved, with who has to act. The same
/// rows make the text to copy into a message and the CSV to open in Excel or WPS.
/// </summary>
public sealed class ChaseList
{
    private ChaseList(IReadOnlyList<Item> items) => Items = items;

    public sealed record Item(string Department, string Part, string Status, string Action);

    public IReadOnlyList<Item> Items { get; }

    public static ChaseList From(YearView year) => new(year.Departments
        .Where(d => d.Status != "assembled")
        .SelectMany(d => d.Parts
            .Where(p => p.Status != "approved" && ReportTemplate.Find(p.Section)?.Required == true)
            .Select(p => new Item(d.Name, Words.Part(p.Section), Words.Status(p.Status), ActionFor(p.Status))))
        .ToList());

    private static string ActionFor(string status) => status switch
    {
        "submitted" => "请审核人审核",
        "rejected" => "请起草人修改后重新提交",
        "withdrawn" => "起草人已撤回，请重新提交",
        _ => "请起草人撰写并提交",
    };

    /// <summary>One line per row, to paste into a message.</summary>
    public string Text() => string.Join("\n", Items.Select(i => $"{i.Department}：{i.Part}（{i.Status}，{i.Action}）"));

    /// <summary>UTF-8 with a byte order mark, which Excel and WPS need to read Chinese; CRLF rows as RFC 4180 says.</summary>
    public byte[] Csv()
    {
        var csv = new StringBuilder("部门,部分,状态,催办事项\r\n");
        foreach (var i in Items)
            csv.Append(string.Join(",", new[] { i.Department, i.Part, i.Status, i.Action }.Select(Field))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // A cell starting with = + - @ would run as a formula in a spreadsheet; quoting and a leading apostrophe keep it text.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
