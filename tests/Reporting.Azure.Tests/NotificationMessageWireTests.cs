using System.Text.Json;
using Reporting.Azure.Queues;
using Reporting.Core.Notices;
using Xunit;

namespace Reporting.Azure.Tests;

/// <summary>The notification queue's JSON: one shape per kind, and the one shape earlier code wrote for every kind.</summary>
public sealed class NotificationMessageWireTests
{
    public static TheoryData<NotificationMessage, string> EveryKind => new()
    {
        { new NotificationMessage.ReportReady(2023, "kgj", 2), """{"year":2023,"department":"kgj","version":2,"kind":"report"}""" },
        { new NotificationMessage.VolumeReady(2023, 1), """{"year":2023,"version":1,"kind":"volume"}""" },
        {
            new NotificationMessage.DraftRejected(2023, "kgj", "duty", 3),
            """{"year":2023,"department":"kgj","section":"duty","version":3,"kind":"rejection"}"""
        },
        {
            new NotificationMessage.DeadlineReminder(2024, "kgj", new DateOnly(2025, 2, 15)),
            """{"year":2024,"department":"kgj","day":"2025-02-15","kind":"reminder"}"""
        },
        { new NotificationMessage.OverdueList(2024, new DateOnly(2025, 3, 2)), """{"year":2024,"day":"2025-03-02","kind":"overdue"}""" },
        { new NotificationMessage.ReportChased(2024, "kgj", "a1b2c3d4e5"), """{"year":2024,"department":"kgj","id":"a1b2c3d4e5","kind":"chase"}""" },
        {
            new NotificationMessage.ReviewAwaited(2023, "kgj", "kgj-approver", "202401050215"),
            """{"year":2023,"department":"kgj","approver":"kgj-approver","tag":"202401050215","kind":"review"}"""
        },
        {
            new NotificationMessage.DraftApproved(2023, "kgj", "duty", 2),
            """{"year":2023,"department":"kgj","section":"duty","version":2,"kind":"approval"}"""
        },
        {
            new NotificationMessage.ReportMade(2023, "kgj", 2, "kgj-author"),
            """{"year":2023,"department":"kgj","version":2,"author":"kgj-author","kind":"made"}"""
        },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Each_kind_is_written_in_its_own_shape_and_reads_back_as_the_same_message(NotificationMessage message, string json)
    {
        var text = QueueEnvelope.Write(message, null);

        Assert.Equal(json, text);
        Assert.Equal(message, QueueEnvelope.Read<NotificationMessage>(text, out _));
    }

    public static TheoryData<string, NotificationMessage> EarlierShapes => new()
    {
        { """{"year":2023,"department":"kgj","version":1}""", new NotificationMessage.ReportReady(2023, "kgj", 1) },
        { """{"year":2023,"department":"","version":2,"kind":"volume"}""", new NotificationMessage.VolumeReady(2023, 2) },
        {
            """{"year":2023,"department":"kgj","version":2,"kind":"rejection","section":"duty"}""",
            new NotificationMessage.DraftRejected(2023, "kgj", "duty", 2)
        },
        {
            """{"year":2024,"department":"kgj","version":0,"kind":"reminder","tag":"2025-02-15"}""",
            new NotificationMessage.DeadlineReminder(2024, "kgj", new DateOnly(2025, 2, 15))
        },
        {
            """{"year":2024,"department":"","version":0,"kind":"overdue","tag":"2025-03-02"}""",
            new NotificationMessage.OverdueList(2024, new DateOnly(2025, 3, 2))
        },
        {
            """{"year":2024,"department":"kgj","version":0,"kind":"chase","tag":"a1b2c3d4e5"}""",
            new NotificationMessage.ReportChased(2024, "kgj", "a1b2c3d4e5")
        },
    };

    [Theory]
    [MemberData(nameof(EarlierShapes))]
    public void A_message_queued_in_the_earlier_single_shape_reads_as_its_kind_with_the_same_outbox_key(string earlier, NotificationMessage expected)
    {
        var message = QueueEnvelope.Read<NotificationMessage>(earlier, out _);

        Assert.Equal(expected, message);
        Assert.Equal(expected.OutboxKey, message.OutboxKey);
    }

    [Theory]
    [InlineData("""{"year":2023,"department":"kgj","version":1,"kind":"telegram"}""")]
    [InlineData("""{"year":2023,"version":1,"kind":"rejection","department":"kgj"}""")]
    [InlineData("""{"year":2024,"department":"kgj","day":"15.02.2025","kind":"reminder"}""")]
    [InlineData("""{"year":2023,"department":"kgj","approver":"kgj-approver","tag":"2024-01-05","kind":"review"}""")]
    [InlineData("""{"department":"kgj","version":1,"kind":"report"}""")]
    [InlineData("""{"year":"2023","department":"kgj","version":1}""")]
    public void A_message_of_an_unknown_kind_or_lacking_a_field_its_kind_needs_is_refused_so_it_ends_in_the_poison_queue(string text)
    {
        Assert.Throws<JsonException>(() => QueueEnvelope.Read<NotificationMessage>(text, out _));
    }

    [Fact]
    public void A_message_read_for_one_kind_refuses_another()
    {
        Assert.Throws<JsonException>(() => QueueEnvelope.Read<NotificationMessage.VolumeReady>("""{"year":2023,"department":"kgj","version":1}""", out _));
    }
}
