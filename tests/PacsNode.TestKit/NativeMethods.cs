using System.Runtime.InteropServices;

namespace PacsNode.TestKit;

/// <summary>The one libc call the tests need: sending a signal to a process they started.</summary>
internal static partial class NativeMethods
{
    /// <summary>SIGINT on Linux and macOS.</summary>
    public const int SigInt = 2;

    /// <summary>SIGTERM on Linux and macOS.</summary>
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
