using System.Text.Json;
using Reporting.Core.Directory;
using Reporting.Core.Documents;

namespace Reporting.Typesetting.Tests;

/// <summary>The real report fixture and documents built from it, as assembly builds them.</summary>
internal static class Fixtures
{
    public static readonly Lazy<GbtTypesetter> Typesetter = new(GbtTypesetter.CreateDefault);

    /// <summary>tests/fixtures in the repository.</summary>
    public static string SharedFixtures => Reporting.TestSupport.RepoPaths.Fixtures;

    public static (Department Department, DistrictOffice Office) Department(string code)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFixtures, "departments.json")));
        var office = json.RootElement.GetProperty("office");
        var dept = json.RootElement.GetProperty("departments").EnumerateArray().First(d => d.GetProperty("code").GetString() == code);
        return (new Department(code, dept.GetProperty("name").GetString()!),
            new DistrictOffice(office.GetProperty("name").GetString()!, office.GetProperty("salutation").GetString()!,
                office.GetProperty("email").GetString()!));
    }

    public static ReportDocument FromText(string text, string code = "kgj", int year = 2023)
    {
        var words = new DocumentWords();
        var report = PlainTextReport.Parse(text, words);
        var (department, office) = Department(code);
        return ReportDocumentBuilder.Build(words, department, year, office, report.Parts, new DateOnly(2024, 1, 15),
            new DateTimeOffset(2024, 1, 15, 9, 30, 0, TimeSpan.FromHours(8)));
    }

    public static ReportDocument Kgj2023 => FromText(File.ReadAllText(Path.Combine(SharedFixtures, "kgj-2023.txt")));

    public static readonly Lazy<byte[]> Kgj2023Pdf = new(() => Typesetter.Value.Render(Kgj2023).Content);
}
