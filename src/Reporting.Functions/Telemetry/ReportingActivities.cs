using System.Diagnostics;

namespace Reporting.Functions.Telemetry;

/// <summary>
/// The app's own spans (ActivitySource "Reporting"): an approval, the assembly it queues, the notice that follows. A
/// queued step continues the trace of the request that queued it: the queue message carries the W3C trace context
/// (traceparent), and the step's span takes it as its parent, linked to the invocation it runs in.
/// </summary>
public static class ReportingActivities
{
    public const string SourceName = "Reporting";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for an HTTP step (null when nobody listens).</summary>
    public static Activity? StartRequest(string name, string year, string department) =>
        Tagged(Source.StartActivity(name, ActivityKind.Internal), year, department);

    /// <summary>
    /// A span for a queued step under <paramref name="parent"/> (the context its message carried); a message written
    /// before messages carried one (default context) makes the span a child of whatever is current, as before.
    /// </summary>
    public static Activity? StartQueued(string name, ActivityContext parent, int year, string department)
    {
        var invocation = Activity.Current;
        var activity = parent == default
            ? Source.StartActivity(name, ActivityKind.Consumer)
            : Source.StartActivity(name, ActivityKind.Consumer, parent, links: invocation is null ? null : [new ActivityLink(invocation.Context)]);
        return Tagged(activity, year.ToString(System.Globalization.CultureInfo.InvariantCulture), department);
    }

    private static Activity? Tagged(Activity? activity, string year, string department) =>
        activity?.SetTag("reporting.year", year).SetTag("reporting.department", department);
}
