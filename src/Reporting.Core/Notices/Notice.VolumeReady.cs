namespace Reporting.Core.Notices;

public abstract partial record Notice
{
    /// <summary>The year's compiled volume is stored: told to the district office, with what it holds and what is missing.</summary>
    public sealed record VolumeReady(NotificationMessage.VolumeReady Message, string? To, DateTimeOffset At, NoticePdf Pdf, NoticePdf? Ofd,
        VolumeContents Contents) : Notice(To, At)
    {
        public override NotificationMessage.VolumeReady Message { get; } = Message;
    }
}
