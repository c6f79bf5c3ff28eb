namespace Reporting.Core.Errors;

/// <summary>
/// A request the workflow refuses: a <see cref="Refusal"/> (code and arguments) and, for bad input, the refusals per field.
/// The HTTP edge words it through its catalogue and answers with the status its <see cref="Kind"/> implies.
/// </summary>
public class ReportingException(ProblemKind kind, Refusal refusal, IReadOnlyDictionary<string, Refusal[]>? errors = null)
    : Exception(refusal.ToString())
{
    public ProblemKind Kind { get; } = kind;

    /// <summary>The reason; for a validation refusal the first field's first reason (<see cref="Errors"/> holds them all).</summary>
    public Refusal Refusal { get; } = refusal;

    public IReadOnlyDictionary<string, Refusal[]> Errors { get; } = errors ?? new Dictionary<string, Refusal[]>();

    public static ReportingException Invalid(string field, string code, params object?[] args)
    {
        var refusal = Refusal.Of(code, args);
        return new(ProblemKind.Validation, refusal, new Dictionary<string, Refusal[]> { [field] = [refusal] });
    }

    public static ReportingException NotFound(string code, params object?[] args) => new(ProblemKind.NotFound, Refusal.Of(code, args));

    public static ReportingException Conflict(string code, params object?[] args) => new(ProblemKind.Conflict, Refusal.Of(code, args));

    public static ReportingException Forbidden(Refusal refusal) => new(ProblemKind.Forbidden, refusal);

    public static ReportingException Forbidden(string code, params object?[] args) => Forbidden(Refusal.Of(code, args));

    public static ReportingException Unauthorized(string code, params object?[] args) => new(ProblemKind.Unauthorized, Refusal.Of(code, args));
}
