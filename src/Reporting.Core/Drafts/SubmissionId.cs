using System.Text.RegularExpressions;

namespace Reporting.Core.Drafts;

/// <summary>
/// The one-time id a form (or an API client) sends with a submission so that a repeat of the same post stores nothing new.
/// A GUID fits; any 8 to 64 letters, digits, '-' or '_' do, so a store can key a record by it as it is.
/// </summary>
public static partial class SubmissionId
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex Shape();

    public static bool IsWellFormed(string id) => Shape().IsMatch(id);
}
