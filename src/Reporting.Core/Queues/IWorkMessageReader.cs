using System.Diagnostics;

namespace Reporting.Core.Queues;

/// <summary>
/// Reads a work message as a queue delivered it: the typed message, and the trace context of the step that queued it.
/// The wire format belongs to the adapter that wrote it (<see cref="IWorkQueue"/>'s), so the steps never see it.
/// </summary>
public interface IWorkMessageReader
{
    /// <param name="parent">The trace context the message carried (default for a message written before it carried one).</param>
    /// <remarks>Text that is not the expected message throws (JSON or data errors): the message ends in the poison queue.</remarks>
    T Read<T>(string text, out ActivityContext parent) where T : class;
}
