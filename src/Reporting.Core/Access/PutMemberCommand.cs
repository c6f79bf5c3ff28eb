namespace Reporting.Core.Access;

/// <summary>
/// Add or change one person's membership, as an administrator sent it and the app layer checked it: a department role names a
/// department the directory knows, a district-office role none.
/// </summary>
/// <param name="IfMatch">The ETag the administrator last read, so two admins editing one person do not overwrite each other unseen;
/// null replaces whatever is there.</param>
/// <param name="Email">Where the calendar's reminders and 催报 reach this person; null when none was given.</param>
public sealed record PutMemberCommand(MemberId UserId, MemberRole Role, string? Department, string? Email = null, string? IfMatch = null);
