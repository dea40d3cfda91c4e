using System.Runtime.InteropServices;

namespace MarginBridge.Devnet.Processes;

internal static partial class NativeSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>Asks a process to shut down cleanly (SIGTERM); .NET only offers SIGKILL.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>SIGINT, what Ctrl-C sends: the only signal on which Azurite's table service saves its data.</summary>
    public static bool Interrupt(int pid) => Kill(pid, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
