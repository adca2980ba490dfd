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

        int fd = NativeMethods.Open(directory, NativeMethods.ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.FSync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
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

        int fd = NativeMethods.Open(folder, NativeMethods.ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Cannot open '{folder}' to flush its file system (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.SyncFs(fd) != 0)
            {
                throw new IOException($"syncfs of the file system holding '{folder}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }

            return true;
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }
}
