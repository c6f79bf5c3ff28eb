using System.Globalization;

namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>
    /// Tell approver <paramref name="ApproverId"/> that drafts of the report await their review. <paramref name="Window"/>
    /// (yyyyMMddHHmm, UTC) is when the notice is due: the first at once, later ones gathered into one per window (see
    /// <see cref="ReviewWindow"/>); what it lists is read when it is sent.
    /// </summary>
    public sealed record ReviewAwaited(int Year, string Department, string ApproverId, string Window) : NotificationMessage(Year)
    {
        private const string WindowFormat = "yyyyMMddHHmm";

        /// <summary>2023-kgj-review-USER-202302201030: once per approver and window, however many drafts it gathers.</summary>
        public override string OutboxKey => KeyPrefix(Year, Department, ApproverId) + Window;

        /// <summary>When the notice is due: its window's start.</summary>
        public DateTimeOffset DueAt => DateTimeOffset.ParseExact(Window, WindowFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        /// <summary>What every review notice of one approver in one report starts with (their earlier windows are found by it).</summary>
        public static string KeyPrefix(int year, string department, string approverId) => $"{year}-{department}-review-{approverId}-";

        public static ReviewAwaited DueOn(int year, string department, string approverId, DateTimeOffset due) =>
            new(year, department, approverId, due.UtcDateTime.ToString(WindowFormat, CultureInfo.InvariantCulture));
    }
}
