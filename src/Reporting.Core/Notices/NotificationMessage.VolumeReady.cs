namespace Reporting.Core.Notices;

public abstract partial record NotificationMessage
{
    /// <summary>Tell the district office that version <paramref name="Version"/> of the year's compiled volume is ready.</summary>
    public sealed record VolumeReady(int Year, int Version) : NotificationMessage(Year)
    {
        /// <summary>2023-volume-v1: one notice per volume version.</summary>
        public override string OutboxKey => $"{Year}-volume-v{Version}";
    }
}
