namespace Reporting.Core.Directory;

/// <summary>The district, its office and its departments: configuration, not data users can change.</summary>
public sealed class DistrictDirectory
{
    private readonly Dictionary<string, Department> _byCode;

    public DistrictDirectory(string district, DistrictOffice office, IEnumerable<Department> departments)
    {
        District = district;
        Office = office;
        Departments = departments.ToList();
        _byCode = Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    public string District { get; }
    public DistrictOffice Office { get; }
    public IReadOnlyList<Department> Departments { get; }

    public Department? Find(string code) => _byCode.GetValueOrDefault(code);
}
