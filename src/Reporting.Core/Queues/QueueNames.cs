namespace Reporting.Core.Queues;

/// <summary>Queue names, shared by the trigger attributes and the clients that enqueue.</summary>
public static class QueueNames
{
    public const string Assembly = "report-assembly";
    public const string Notification = "report-notifications";
    public const string YearEnd = "report-year-end";
    public const string PoisonSuffix = "-poison";
}
