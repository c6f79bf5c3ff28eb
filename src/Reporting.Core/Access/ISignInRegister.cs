namespace Reporting.Core.Access;

/// <summary>Where the people who signed in are kept (a row per user id); <see cref="SignedInPeople"/> writes it sparingly and searches it.</summary>
public interface ISignInRegister
{
    /// <summary>Creates or replaces the person's row: the last writer wins, which is the newest sign-in.</summary>
    Task SaveAsync(SignedInPerson person, CancellationToken cancellationToken = default);

    /// <summary>The person's row, or null when they never signed in (since the register exists).</summary>
    Task<SignedInPerson?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Everyone recorded, at most <paramref name="limit"/> of them.</summary>
    Task<IReadOnlyList<SignedInPerson>> ListAsync(int limit, CancellationToken cancellationToken = default);
}
