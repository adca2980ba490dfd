using System.Runtime.InteropServices;

namespace PacsNode.Storage.Files;

/// <summary>
/// Makes a directory's entries durable. A rename is atomic, but on Linux the new name is only durable once the
/// directory holding it is flushed: fsync(2) on a descriptor of the directory (opened O_RDONLY). .NET refuses to
/// open a directory as a file handle, so this calls libc directly. On Windows NTFS journals the rename and there
/// is no portable way to flush a directory, so nothing is done there.
/// </summary>
internal static class DirectorySync
{
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        OnDescriptor(directory, NativeMethods.FSync, $"fsync of directory '{directory}'");
    }

    /// <summary>
    /// Linux: writes back and flushes everything dirty on the file system holding <paramref name="folder"/> with one
    /// syncfs(2): every file's data and metadata and every folder entry, then one device flush, instead of an fsync
    /// (and a device flush) per file. False elsewhere: the caller flushes file by file.
    /// </summary>
    public static bool TryFlushFileSystem(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        OnDescriptor(folder, NativeMethods.SyncFs, $"syncfs of the file system holding '{folder}'");
        return true;
    }

    /// <summary>Opens <paramref name="path"/> read-only, runs <paramref name="call"/> on the descriptor, closes it.</summary>
    private static void OnDescriptor(string path, Func<int, int> call, string what)
    {
        int fd = NativeMethods.Open(path, NativeMethods.ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"{what}: cannot open it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (call(fd) != 0)
            {
                throw new IOException($"{what} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }
}
