using System.Diagnostics;
using System.Text.Json;
using Reporting.Azure.Queues;
using Reporting.Core.Notices;
using Reporting.Core.Queues;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The trace context a work message carries beside its fields, and messages written before it existed.</summary>
public sealed class QueueEnvelopeTests
{
    [Fact]
    public void A_message_queued_under_a_span_carries_its_traceparent_and_reads_back_with_that_parent()
    {
        using var activity = new Activity("ApproveDraft").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "reporting=1";

        var text = QueueEnvelope.Write(new AssemblyMessage(2023, "kgj", 2), activity);
        var message = QueueEnvelope.Read<AssemblyMessage>(text, out var parent);

        Assert.Equal(new AssemblyMessage(2023, "kgj", 2), message);
        Assert.Equal(activity.TraceId, parent.TraceId);
        Assert.Equal(activity.SpanId, parent.SpanId);
        Assert.Equal("reporting=1", parent.TraceState);
        Assert.True(parent.IsRemote);
        Assert.Equal(activity.Id, JsonDocument.Parse(text).RootElement.GetProperty("traceparent").GetString());
    }

    [Fact]
    public void A_message_written_before_trace_context_existed_reads_as_before_with_no_parent()
    {
        var message = QueueEnvelope.Read<NotificationMessage>("{\"year\":2023,\"department\":\"kgj\",\"version\":1}", out var parent);

        Assert.Equal(new NotificationMessage.ReportReady(2023, "kgj", 1), message);
        Assert.Equal(default, parent);
    }

    [Fact]
    public void Without_a_span_nothing_is_added_and_a_traceparent_that_does_not_parse_is_ignored()
    {
        var plain = QueueEnvelope.Write(new AssemblyMessage(2023, "kgj", 1), null);
        Assert.Equal("{\"year\":2023,\"department\":\"kgj\",\"version\":1}", plain);

        const string broken = "{\"year\":2023,\"department\":\"kgj\",\"version\":1,\"traceparent\":\"00-nonsense\"}";
        var message = QueueEnvelope.Read<AssemblyMessage>(broken, out var parent);
        Assert.Equal(new AssemblyMessage(2023, "kgj", 1), message);
        Assert.Equal(default, parent);
    }
}
