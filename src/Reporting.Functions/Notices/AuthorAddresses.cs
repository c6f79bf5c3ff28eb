using Reporting.Core.Access;
using Reporting.Core.Drafts;
using Reporting.Core.Notices;
using Reporting.Functions.Identity;

namespace Reporting.Functions.Notices;

/// <summary>
/// Where a 退回通知 goes: the address the identity gave when the draft was submitted (Entra ID's email or
/// preferred_username claim, recorded with the draft). On the local host, development users have none, so they get
/// USER-ID@Mail__DevelopmentAddressDomain. Anyone else without a recorded address gets no e-mail (recorded in the audit).
/// </summary>
internal sealed class AuthorAddresses(IdentityOptions identity, NoticeOptions options) : IAuthorAddresses
{
    public string? AddressOf(Draft draft) => Valid(draft.AuthorEmail) ?? DevelopmentAddress(draft.AuthorId);

    /// <summary>Local host only: USER-ID@Mail__DevelopmentAddressDomain for someone with no address of their own.</summary>
    internal string? DevelopmentAddress(string? userId) =>
        identity.DevelopmentSignIn && Membership.IsUserId(userId) ? Valid($"{userId}@{options.DevelopmentAddressDomain}") : null;

    internal static string? Valid(string? address) => System.Net.Mail.MailAddress.TryCreate(address, out var parsed) ? parsed.Address : null;
}
