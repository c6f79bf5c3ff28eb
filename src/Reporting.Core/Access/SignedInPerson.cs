namespace Reporting.Core.Access;

/// <summary>
/// Someone who has signed in to the product: the identity provider's stable id, the display name it gave the last time, and
/// when that was (to the precision <see cref="SignedInPeople.RecordInterval"/> keeps). Lets an administrator find a person by name.
/// </summary>
public sealed record SignedInPerson(string UserId, string Name, DateTimeOffset LastSignIn);
