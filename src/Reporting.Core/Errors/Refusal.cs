namespace Reporting.Core.Errors;

/// <summary>
/// Why a request was refused, as a <see cref="RefusalCode"/> and the values the reason names (a version, a year, a
/// department code). Core says no more: the app layer's wording catalogue turns a refusal into the sentence people read.
/// </summary>
public sealed record Refusal(string Code, IReadOnlyList<object?> Args)
{
    public static Refusal Of(string code, params object?[] args) => new(code, args);

    /// <summary>Two refusals are the same when code and arguments are (a list argument by reference).</summary>
    public bool Equals(Refusal? other) => other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    /// <summary>For logs and exception messages (no wording): the code and its arguments.</summary>
    public override string ToString() => Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}
