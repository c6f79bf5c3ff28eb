using System.Text.Json;

namespace Reporting.Functions.Requests;

/// <summary>
/// What each field of one endpoint's JSON body must be. Numbers are JSON numbers and text is JSON strings, both ways
/// strictly: <c>"body": 123</c> and <c>"year": "2023"</c> are 400s naming the field, never guessed at; <c>null</c> counts as
/// absent; fields not named here are ignored (an <c>author</c> field, say). Forms carry only text, so these rules are JSON's alone.
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonValueKind> _kinds;

    /// <param name="booleans">Fields that are JSON true/false (kept as JsonValueKind.True; the value read is "true" or "false").</param>
    private JsonFields(string[] numbers, string[] texts, string[]? booleans = null) =>
        _kinds = numbers.Select(n => (n, JsonValueKind.Number)).Concat(texts.Select(t => (t, JsonValueKind.String)))
            .Concat((booleans ?? []).Select(b => (b, JsonValueKind.True)))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>POST drafts (<c>submissionId</c>: the post's one-time id, optional; the <c>Idempotency-Key</c> header may carry it instead).</summary>
    public static readonly JsonFields Draft = new(["year"], ["department", "section", "body", "submissionId"]);

    /// <summary>POST …/approval (<c>date</c>: the 成文日期 set with an approval, yyyy-MM-dd, optional).</summary>
    public static readonly JsonFields Decision = new([], ["decision", "comment", "date"]);

    /// <summary>POST reports/{year}/{department}/approvals (批量审核): each chosen part's version, <c>"draft.duty": 3</c>, and one comment.</summary>
    public static readonly JsonFields BatchApproval = new(
        Reporting.Core.Templates.ReportTemplate.Sections.Select(s => BatchApprovalBinder.FieldOf(s.Key)).ToArray(), ["comment"]);

    /// <summary>PUT members/{userId}.</summary>
    public static readonly JsonFields Member = new([], ["role", "department", "email"]);

    /// <summary>POST admin/members (成员管理's form; a script posting JSON there is held to the same rule).</summary>
    public static readonly JsonFields MemberForm = new([], ["userId", "role", "department", "etag", "action", "email"]);

    /// <summary>POST reports/{year}/{department}/chase (催报 by hand; 全区总览's form or JSON).</summary>
    public static readonly JsonFields Chase = new([], ["id", "message"]);

    /// <summary>POST reports/{year}/year-end: an optional one-time id (全区总览's form carries one; without it the run gets a fresh one).</summary>
    public static readonly JsonFields YearEnd = new([], ["id"]);

    /// <summary>POST reports/{year}/{department}/publication: the review and the PDF version it covered.</summary>
    public static readonly JsonFields Publication = new(["version"], ["comment"], ["confidentialityReviewed"]);

    /// <summary>POST reports/{year}/publication: the review and the versions it covered, <c>kgj=2,sfj=1</c>.</summary>
    public static readonly JsonFields YearPublication = new([], ["comment", "versions"], ["confidentialityReviewed"]);

    /// <summary>POST reports/{year}/{department}/publication/withdrawal.</summary>
    public static readonly JsonFields Withdrawal = new([], ["reason"]);

    /// <summary>POST dev/sign-in (the development sign-in page's form).</summary>
    public static readonly JsonFields SignIn = new([], ["user", "returnUrl"]);

    /// <summary>Every field and its JSON kind (the OpenAPI test compares the document's request schemas with these).</summary>
    public IReadOnlyDictionary<string, JsonValueKind> Kinds => _kinds;

    public JsonValueKind? Find(string name) => _kinds.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>Whether a value of <paramref name="actual"/> kind fits a field of <paramref name="expected"/> kind (true and false both fit a
    /// boolean).</summary>
    public static bool Fits(JsonValueKind expected, JsonValueKind actual) =>
        expected == JsonValueKind.True ? actual is JsonValueKind.True or JsonValueKind.False : actual == expected;
}
