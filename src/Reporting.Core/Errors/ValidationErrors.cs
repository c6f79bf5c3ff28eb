namespace Reporting.Core.Errors;

/// <summary>Collects field → messages so a caller hears of every bad field at once, not one per try.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Throws when anything was added; the detail lists the first message of each field.</summary>
    public void ThrowIfAny()
    {
        if (IsEmpty) return;
        var detail = string.Join("；", _errors.Select(e => e.Value[0]));
        throw new ReportingException(ProblemKind.Validation, "提交的内容有误", detail,
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
