using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Core.Reports;

namespace Reporting.Core.Directory;

/// <summary>Reads the directory from JSON shaped like tests/fixtures/departments.json.</summary>
public static class DistrictDirectoryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static DistrictDirectory Load(string path, string? officeEmailOverride = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Department directory file not found: {path}", path);
        return Parse(File.ReadAllText(path), officeEmailOverride, path);
    }

    public static DistrictDirectory Parse(string json, string? officeEmailOverride = null, string source = "directory")
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, Options) ?? throw new InvalidDataException($"{source}: empty.");
        if (string.IsNullOrWhiteSpace(file.District) || file.Office is null || file.Departments is not { Count: > 0 })
            throw new InvalidDataException($"{source}: needs district, office and at least one department.");
        foreach (var d in file.Departments)
            if (!ReportKey.IsSlug(d.Code) || string.IsNullOrWhiteSpace(d.Name))
                throw new InvalidDataException($"{source}: department code '{d.Code}' must be a lowercase [a-z0-9-] slug with a name.");
        var duplicate = file.Departments.GroupBy(d => d.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"{source}: department code '{duplicate.Key}' appears twice.");
        var email = (string.IsNullOrWhiteSpace(officeEmailOverride) ? file.Office.Email : officeEmailOverride)?.Trim();
        if (string.IsNullOrWhiteSpace(file.Office.Name) || !System.Net.Mail.MailAddress.TryCreate(email, out _))
            throw new InvalidDataException($"{source}: the office needs a name and a valid e-mail address (office.email, or the configured override).");
        var office = new DistrictOffice(file.Office.Name, file.Office.Salutation ?? file.Office.Name, email!);
        return new DistrictDirectory(file.District, office, file.Departments.Select(d => new Department(d.Code, d.Name, d.ShortName)));
    }

    private sealed record FileShape(string District, OfficeShape? Office, List<DepartmentShape>? Departments);
    private sealed record OfficeShape(string? Name, string? Salutation, string? Email);
    private sealed record DepartmentShape(string Code, string Name, string? ShortName);
}
