namespace Reporting.Core.Errors;

/// <summary>Collects field → refusals so a caller hears of every bad field at once, not one per try.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<Refusal>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string code, params object?[] args)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(Refusal.Of(code, args));
    }

    /// <summary>Throws when anything was added; the exception's own refusal is the first field's first.</summary>
    public void ThrowIfAny()
    {
        if (IsEmpty) return;
        throw new ReportingException(ProblemKind.Validation, _errors.First().Value[0], _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
