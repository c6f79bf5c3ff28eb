using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Reporting.Functions.Telemetry;
using Reporting.TestSupport;
using Xunit;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// What Application Insights would receive, heard in-process: the spans of ActivitySource "Reporting" and the
/// measurements of Meter "Reporting". An approval, the assembly it queues and the notice after it are one trace, carried
/// across the queues by the messages' trace context; the counters move when drafts are submitted, a report is assembled,
/// a notice fails past its last retry and a message is poisoned.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly LocalHostFixture app;
    private static readonly TimeSpan Wait = LocalHostFixture.DefaultWait;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryTests(LocalHostFixture app)
    {
        this.app = app;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ReportingActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReportingMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new Dictionary<string, string?>();
        foreach (var tag in tags) named[tag.Key] = tag.Value?.ToString();
        _measurements.Enqueue((instrument.Name, value, named));
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private IEnumerable<Activity> Spans(string name, int year, string department) =>
        _spans.Where(s => s.OperationName == name && s.GetTagItem("reporting.year") as string == year.ToString()
            && s.GetTagItem("reporting.department") as string == department);

    private double Sum(string name, Func<Dictionary<string, string?>, bool>? match = null) =>
        _measurements.Where(m => m.Name == name && (match is null || match(m.Tags))).Sum(m => m.Value);

    [Fact]
    public async Task An_approval_the_assembly_it_queues_and_the_notice_after_it_are_one_trace_and_the_counters_move()
    {
        const int year = 2014;
        const string department = "tjj";
        var versions = await app.SubmitFixtureAsync(year, department);
        await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
        // The notice's span ends when its function returns, a moment after the report shows it notified. The same function
        // sends the drafts' notices (待审核, 已通过), each in its submission's or approval's trace, and the authors' 报告已生成 beside
        // the PDF's in the assembly's trace: the PDF's is the one with its key whose parent is an assembly of this report.
        Activity? PdfNotice() => Spans("NotifyDistrictOffice", year, department)
            .Where(n => n.GetTagItem("reporting.notice") as string == $"{year}-{department}-v1")
            .FirstOrDefault(n => Spans("AssembleReport", year, department).Any(a => a.SpanId == n.ParentSpanId));
        await Eventually.HoldsAsync(() => Task.FromResult(PdfNotice() is not null), Wait,
            () => $"the notice's span for {year}/{department}; spans heard: {string.Join(", ", _spans.Select(s => s.OperationName).Distinct())}");

        var last = FixtureReport.RequiredSections[^1];
        var approval = Assert.Single(Spans("ApproveDraft", year, department), s => s.GetTagItem("reporting.section") as string == last);
        var assembly = Spans("AssembleReport", year, department).FirstOrDefault(s => s.TraceId == approval.TraceId);
        Assert.True(assembly is not null, $"no assembly span in the approval's trace {approval.TraceId}; assembly traces: "
            + string.Join(", ", Spans("AssembleReport", year, department).Select(s => s.TraceId)));
        Assert.Equal(ActivityKind.Consumer, assembly.Kind);
        Assert.Equal(approval.SpanId, assembly.ParentSpanId);
        var notice = PdfNotice()!;
        Assert.Equal(assembly.TraceId, notice.TraceId);
        Assert.Equal(assembly.SpanId, notice.ParentSpanId);
        // The earlier approvals queued nothing: each is a trace of its own.
        Assert.All(Spans("ApproveDraft", year, department).Where(s => s != approval), s => Assert.NotEqual(assembly.TraceId, s.TraceId));

        Assert.True(Sum(ReportingMetrics.DraftsSubmittedName) >= versions.Count, $"drafts submitted counted {Sum(ReportingMetrics.DraftsSubmittedName)}");
        var stored = _measurements.Where(m => m.Name == ReportingMetrics.AssemblyDurationName && m.Tags["reporting.outcome"] == "stored").ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, m => Assert.True(m.Value > 0, $"assembly took {m.Value} s"));
    }

    [Fact]
    public async Task A_notice_that_fails_past_its_last_retry_is_counted_as_exhausted_and_is_still_delivered_later()
    {
        const int year = 2014;
        const string department = "ybj";
        static bool Exhausted(Dictionary<string, string?> tags) => tags["reporting.channel"] == "webhook" && tags["retries.exhausted"] == "true";
        app.Webhook.FailWith = HttpStatusCode.ServiceUnavailable;
        try
        {
            await app.SubmitFixtureAsync(year, department);
            // The tests' retry schedule has three steps (1, 2, 4 s): the third failed attempt is past the last retry.
            await Eventually.HoldsAsync(() => Task.FromResult(Sum(ReportingMetrics.NoticesFailedName, Exhausted) >= 1), Wait,
                () => $"a webhook attempt counted past its last retry; counted: {Sum(ReportingMetrics.NoticesFailedName)} failed attempts");
            Assert.True(Sum(ReportingMetrics.NoticesFailedName, t => t["reporting.channel"] == "webhook" && t["retries.exhausted"] == "false") >= 2);
        }
        finally
        {
            app.Webhook.FailWith = null;
        }
        await app.WaitForReportAsync(year, department, r => LocalHostFixture.VersionNotified(r, 1));
    }

    [Fact]
    public async Task A_message_whose_last_attempt_fails_is_counted_as_poisoned()
    {
        var before = Sum(ReportingMetrics.MessagesPoisonedName);
        // JSON, but not an assembly request: the function fails on it every time, and the last time sends it to the poison queue.
        var text = "{\"year\":\"not a year\",\"department\":\"telemetry-test\",\"version\":1}";
        var queue = app.Storage.RawQueues.GetQueueClient(app.Storage.Options.AssemblyQueue);
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));

        var poison = app.Storage.Queues.GetQueueClient(app.Storage.Options.AssemblyQueue + "-poison");
        await Eventually.HoldsAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.MessageText == text), Wait,
            "the malformed assembly request in the poison queue");
        Assert.True(Sum(ReportingMetrics.MessagesPoisonedName) >= before + 1, "the poisoned message was not counted");
    }
}
