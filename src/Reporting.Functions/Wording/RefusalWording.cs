using Reporting.Core.Errors;

namespace Reporting.Functions.Wording;

/// <summary>
/// The one zh-CN catalogue of refusals: every <see cref="RefusalCode"/> of Core and <see cref="EdgeRefusalCode"/> of this layer
/// turned into the sentence people read (problem+json's detail and errors, and the refusal pages). Split by area into partial
/// files; each area lists its entries, a test checks that every code has exactly one.
/// </summary>
public static partial class RefusalWording
{
    /// <summary>One code's sentence (from its arguments, in the order the code documents) and, when the kind's is too vague, its title.</summary>
    private sealed record Entry(string Code, Func<IReadOnlyList<object?>, string> Sentence, string? Title = null);

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> Entries = new(() =>
        ReportEntries().Concat(AccessEntries()).Concat(MemberEntries()).Concat(DraftEntries()).Concat(ReviewEntries())
            .Concat(PublicationEntries()).Concat(CalendarEntries()).Concat(EdgeEntries()).Concat(SealEntries()).Concat(WithdrawalEntries())
            .ToDictionary(e => e.Code, StringComparer.Ordinal));

    /// <summary>Every code with a sentence.</summary>
    public static IReadOnlyCollection<string> Codes => Entries.Value.Keys.ToList();

    public static string Sentence(Refusal refusal) =>
        Entries.Value.TryGetValue(refusal.Code, out var entry) ? entry.Sentence(refusal.Args) : Unworded;

    /// <summary>The problem's title: the code's own where it has one, else the kind's.</summary>
    public static string Title(ReportingException refusal) =>
        Entries.Value.TryGetValue(refusal.Refusal.Code, out var entry) && entry.Title is { } title ? title : KindTitle(refusal.Kind);

    /// <summary>The problem's detail: the reason, or for bad input the first reason of each field, in the order they were found.</summary>
    public static string Detail(ReportingException refusal) =>
        refusal.Errors.Count > 0 ? string.Join("；", refusal.Errors.Values.Select(e => Sentence(e[0]))) : Sentence(refusal.Refusal);

    /// <summary>Field → every reason, as problem+json's <c>errors</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(ReportingException refusal) =>
        refusal.Errors.ToDictionary(e => e.Key, e => e.Value.Select(Sentence).ToArray(), StringComparer.Ordinal);

    /// <summary>The first reason a person should read: the first field's, or the refusal's own.</summary>
    public static string First(ReportingException refusal) =>
        refusal.Errors.Values.FirstOrDefault() is { Length: > 0 } first ? Sentence(first[0]) : Sentence(refusal.Refusal);

    public static string KindTitle(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => "提交的内容有误",
        ProblemKind.NotFound => "未找到",
        ProblemKind.Conflict => "操作与当前状态冲突",
        ProblemKind.Forbidden => "无权进行此操作",
        ProblemKind.Unauthorized => "请先登录",
        ProblemKind.UnsupportedMediaType => "不支持的内容类型",
        ProblemKind.PayloadTooLarge => "请求过大",
        ProblemKind.MethodNotAllowed => "不支持该请求方法",
        _ => "请求未能完成",
    };

    /// <summary>Only for a code the catalogue lacks, which its test rules out; better than a 500 from the error path itself.</summary>
    private const string Unworded = "请求未能完成，请稍后重试或联系区法治办。";

    private static Entry Say(string code, string sentence, string? title = null) => new(code, _ => sentence, title);

    private static Entry Say<T1>(string code, Func<T1, string> sentence, string? title = null) =>
        new(code, a => sentence(Arg<T1>(a, 0)), title);

    private static Entry Say<T1, T2>(string code, Func<T1, T2, string> sentence, string? title = null) =>
        new(code, a => sentence(Arg<T1>(a, 0), Arg<T2>(a, 1)), title);

    private static Entry Say<T1, T2, T3>(string code, Func<T1, T2, T3, string> sentence) =>
        new(code, a => sentence(Arg<T1>(a, 0), Arg<T2>(a, 1), Arg<T3>(a, 2)));

    private static Entry Say<T1, T2, T3, T4>(string code, Func<T1, T2, T3, T4, string> sentence) =>
        new(code, a => sentence(Arg<T1>(a, 0), Arg<T2>(a, 1), Arg<T3>(a, 2), Arg<T4>(a, 3)));

    /// <summary>
    /// One argument as the sentence takes it. A number boxed as another width (an int limit where the sentence takes a long)
    /// is converted rather than refused: a cast failing here would turn a refusal into a 500.
    /// </summary>
    private static T Arg<T>(IReadOnlyList<object?> args, int index)
    {
        var value = index < args.Count ? args[index] : null;
        if (value is T typed) return typed;
        if (value is null) return default!;
        return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
