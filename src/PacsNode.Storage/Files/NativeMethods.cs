using System.Runtime.InteropServices;

namespace PacsNode.Storage.Files;

/// <summary>libc calls for flushing a directory on Linux and macOS and a whole file system on Linux (see <see cref="DirectorySync"/>).</summary>
internal static partial class NativeMethods
{
    /// <summary>O_RDONLY, the same value on every Linux architecture and on macOS.</summary>
    public const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int FSync(int fd);

    /// <summary>Linux only: writes back and flushes everything dirty on the file system holding fd (one device flush).</summary>
    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    public static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
