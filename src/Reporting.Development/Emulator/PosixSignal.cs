using System.Runtime.InteropServices;

namespace Reporting.Development.Emulator;

/// <summary>Sends a POSIX signal to a process (.NET's Process.Kill only sends SIGKILL). Linux and macOS.</summary>
public static partial class PosixSignal
{
    public const int Interrupt = 2;   // SIGINT
    public const int Kill = 9;        // SIGKILL
    public const int Terminate = 15;  // SIGTERM
    public static int Stop => OperatingSystem.IsMacOS() ? 17 : 19;      // SIGSTOP
    public static int Continue => OperatingSystem.IsMacOS() ? 19 : 18;  // SIGCONT

    /// <returns>False when the process is gone or signals are not available here (Windows).</returns>
    public static bool Send(int processId, int signal) => !OperatingSystem.IsWindows() && kill(processId, signal) == 0;

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for one call.
    private static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
}
