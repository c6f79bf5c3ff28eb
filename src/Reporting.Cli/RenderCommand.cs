using System.Globalization;
using System.Text.Json;
using Reporting.Core.Directory;
using Reporting.Core.Documents;
using Reporting.Typesetting;

namespace Reporting.Cli;

/// <summary>
/// <c>reporting render REPORT.txt OUT.pdf [--department CODE] [--year YYYY] [--date YYYY-MM-DD] [--directory FILE] [--ofd OUT.ofd]</c>:
/// the same PDF assembly makes, from a plain-text report shaped like the fixture; with --ofd the same pages as OFD too, from one layout.
/// </summary>
public static class RenderCommand
{
    private const string UsageText = "用法：reporting render REPORT.txt OUT.pdf [--department 部门代码] [--year 年度] [--date YYYY-MM-DD] [--directory departments.json] [--ofd OUT.ofd]";

    /// <summary>Set to 1 and render prints its process's peak working set (used by the typesetting bench).</summary>
    public const string PeakMemoryVariable = "REPORTING_PRINT_PEAK_MEMORY";

    public static int Run(string[] args)
    {
        if (!TryParse(args, out var request, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(UsageText);
            return 2;
        }
        try
        {
            var typesetter = GbtTypesetter.CreateDefault(); // first: it loads the faces while the report is read
            var document = Build(request);
            using var ofd = request.Ofd is null ? null : File.Create(request.Ofd);
            var pdf = typesetter.Render(document, ofd);
            File.WriteAllBytes(request.Output, pdf.Content);
            Console.WriteLine($"已生成 {request.Output}：{pdf.PageCount} 页，{pdf.Content.Length} 字节。");
            if (ofd is not null) Console.WriteLine($"已生成 {request.Ofd}：{pdf.PageCount} 页，{ofd.Length} 字节。");
            // For the bench: the peak memory of a process that does exactly one render, measured from inside.
            if (Environment.GetEnvironmentVariable(PeakMemoryVariable) == "1")
                Console.WriteLine($"peak-working-set-bytes: {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64}");
            return 0;
        }
        catch (UnknownDepartmentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(UsageText);
            return 2;
        }
        catch (Exception e) when (e is FontConfigurationException or MissingGlyphException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private sealed class UnknownDepartmentException(string message) : Exception(message);

    internal sealed record Request(string Input, string Output, string Department, int Year, DateOnly Date, string? Directory, string? Ofd = null);

    internal static ReportDocument Build(Request request)
    {
        var (department, office) = LoadDepartment(request.Directory ?? FindDirectoryFile(), request.Department);
        var report = PlainTextReport.Parse(File.ReadAllText(request.Input));
        var createdAt = new DateTimeOffset(request.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        return ReportDocumentBuilder.Build(department, request.Year, office, report.Parts, request.Date, createdAt);
    }

    private static bool TryParse(string[] args, out Request request, out string error)
    {
        request = null!;
        var positional = new List<string>();
        string department = "kgj", year = "2023", date = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? directory = null, ofd = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            if (i + 1 >= args.Length) { error = $"选项 {args[i]} 缺少取值。"; return false; }
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--department": department = value; break;
                case "--year": year = value; break;
                case "--date": date = value; break;
                case "--directory": directory = value; break;
                case "--ofd": ofd = value; break;
                default: error = $"不认识的选项：{args[i - 1]}。"; return false;
            }
        }
        if (positional.Count != 2) { error = "需要两个参数：报告文本文件和输出的 PDF 文件。"; return false; }
        if (!File.Exists(positional[0])) { error = $"找不到报告文本文件：{positional[0]}。"; return false; }
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
        { error = $"年度“{year}”无效，应为四位数字，例如 2023。"; return false; }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        { error = $"日期“{date}”无效，应为 YYYY-MM-DD，例如 2024-01-15。"; return false; }
        if (directory is not null && !File.Exists(directory)) { error = $"找不到部门名录文件：{directory}。"; return false; }
        request = new Request(positional[0], positional[1], department, y, d, directory, ofd);
        error = "";
        return true;
    }

    private static (Department, DistrictOffice) LoadDepartment(string file, string code)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        var office = root.GetProperty("office");
        foreach (var d in root.GetProperty("departments").EnumerateArray())
            if (d.GetProperty("code").GetString() == code)
                return (new Department(code, d.GetProperty("name").GetString()!, d.TryGetProperty("shortName", out var s) ? s.GetString() : null),
                    new DistrictOffice(office.GetProperty("name").GetString()!, office.GetProperty("salutation").GetString()!, office.GetProperty("email").GetString() ?? ""));
        throw new UnknownDepartmentException($"部门名录 {file} 中没有代码为“{code}”的部门。");
    }

    /// <summary>The directory file the app itself uses: <c>Reporting__DirectoryFile</c>, else departments.json beside the app.</summary>
    internal static string FindDirectoryFile() =>
        Environment.GetEnvironmentVariable("Reporting__DirectoryFile") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "departments.json");
}
