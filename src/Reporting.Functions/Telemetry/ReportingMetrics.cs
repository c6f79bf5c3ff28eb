using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Reporting.Functions.Telemetry;

/// <summary>
/// The app's metrics (Meter "Reporting"), exported to Application Insights as custom metrics under these names; the
/// alert rules in infra/app/alerts.bicep query <see cref="NoticesFailedName"/> and <see cref="MessagesPoisonedName"/>.
/// </summary>
public static class ReportingMetrics
{
    public const string MeterName = "Reporting";
    public const string DraftsSubmittedName = "reporting.drafts.submitted";
    public const string AssemblyDurationName = "reporting.assembly.duration";
    public const string NoticesFailedName = "reporting.notices.failed";
    public const string MessagesPoisonedName = "reporting.messages.poisoned";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> DraftsSubmitted = Meter.CreateCounter<long>(DraftsSubmittedName, "{draft}", "Draft versions submitted");
    private static readonly Histogram<double> AssemblyDuration = Meter.CreateHistogram<double>(AssemblyDurationName, "s",
        "Time to assemble, typeset and store one PDF version of a report");
    private static readonly Counter<long> NoticesFailed = Meter.CreateCounter<long>(NoticesFailedName, "{attempt}",
        "Failed delivery attempts of a notice on one channel; retries.exhausted is true once the retry schedule's last step is reached");
    private static readonly Counter<long> MessagesPoisoned = Meter.CreateCounter<long>(MessagesPoisonedName, "{message}",
        "Queue messages whose last allowed attempt failed (they move to the poison queue)");

    public static void DraftSubmitted(string section) => DraftsSubmitted.Add(1, new KeyValuePair<string, object?>("reporting.section", section));

    public static void Assembled(TimeSpan elapsed, bool stored) =>
        AssemblyDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("reporting.outcome", stored ? "stored" : "skipped"));

    public static void NoticeFailed(string channel, bool retriesExhausted)
    {
        var tags = new TagList { { "reporting.channel", channel }, { "retries.exhausted", retriesExhausted ? "true" : "false" } };
        NoticesFailed.Add(1, tags);
    }

    public static void MessagePoisoned(string function) => MessagesPoisoned.Add(1, new KeyValuePair<string, object?>("reporting.function", function));
}
