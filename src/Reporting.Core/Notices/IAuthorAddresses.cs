using Reporting.Core.Drafts;

namespace Reporting.Core.Notices;

/// <summary>Where a draft's author is told of a rejection: the address recorded at submission, or the app's rule for people without one.</summary>
public interface IAuthorAddresses
{
    /// <returns>An e-mail address, or null when none is known (the rejection then goes out without an e-mail, and that is recorded).</returns>
    string? AddressOf(Draft draft);
}
