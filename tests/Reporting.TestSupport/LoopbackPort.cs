namespace Reporting.TestSupport;

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on right now and no other part of this test run was given.</summary>
    public static int Free() => Reporting.Development.Emulator.LoopbackPorts.Next();
}
