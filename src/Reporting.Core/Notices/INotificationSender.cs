namespace Reporting.Core.Notices;

/// <summary>One way of telling people (e-mail, webhook).</summary>
public interface INotificationSender
{
    string Channel { get; }

    /// <summary>False when this channel is not set up (no webhook URL): it has no outbox entry and is never tried.</summary>
    bool IsConfigured => true;

    /// <summary>Delivers the notice or throws; a throw is recorded in the outbox and retried on the schedule.</summary>
    Task SendAsync(ComposedNotice notice, CancellationToken cancellationToken = default);
}
