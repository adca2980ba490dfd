using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace PacsNode.Storage.Files;

/// <summary>
/// One file of the store journal, <c>NNNNNNNNNNNNNNNN.segment</c>, of a fixed length whose blocks are all allocated
/// (written with zeros when it was made, or reused): appending a record then only overwrites data, so the flush that
/// makes it durable writes no file-system metadata (half the latency of an append that grows a file, on this
/// project's machine). Spent segments are renamed <c>spare-N.segment</c> and reused.
/// </summary>
internal sealed class JournalSegment : IDisposable
{
    public const string Extension = ".segment";
    public const string SparePrefix = "spare-";

    private JournalSegment(long number, string path, SafeFileHandle handle, long length)
    {
        Number = number;
        Path = path;
        Handle = handle;
        Length = length;
    }

    public long Number { get; }

    public string Path { get; }

    public SafeFileHandle Handle { get; }

    public long Length { get; }

    public static string FileName(long number) => number.ToString("D16", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The segment number of a segment file name, or null for any other name (spares included).</summary>
    public static long? ParseNumber(string fileName) =>
        fileName.Length == 16 + Extension.Length && fileName.EndsWith(Extension, StringComparison.Ordinal) &&
        long.TryParse(fileName.AsSpan(0, 16), NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0
            ? number
            : null;

    /// <summary>Opens an existing segment for reading and writing.</summary>
    public static JournalSegment Open(string folder, long number)
    {
        string path = System.IO.Path.Combine(folder, FileName(number));
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        return new JournalSegment(number, path, handle, RandomAccess.GetLength(handle));
    }

    /// <summary>
    /// Makes segment <paramref name="number"/> ready for appending and durable under its name before it returns: a
    /// spare of the right length renamed, else a new file written full of zeros and flushed; then the folder is
    /// flushed. Slow (a new 64 MiB segment takes tens of milliseconds): the journal calls it ahead of need.
    /// </summary>
    public static JournalSegment Prepare(string folder, long number, long length, string? spare)
    {
        string path = System.IO.Path.Combine(folder, FileName(number));
        if (spare is not null && File.Exists(spare) && new FileInfo(spare).Length == length)
        {
            File.Move(spare, path, overwrite: true);
        }
        else
        {
            if (spare is not null)
            {
                File.Delete(spare);
            }

            string temp = path + ".new";
            using (SafeFileHandle fresh = File.OpenHandle(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                byte[] zeros = new byte[1 << 20];
                for (long offset = 0; offset < length; offset += zeros.Length)
                {
                    RandomAccess.Write(fresh, zeros.AsSpan(0, (int)Math.Min(zeros.Length, length - offset)), offset);
                }

                RandomAccess.FlushToDisk(fresh);
            }

            File.Move(temp, path, overwrite: true);
        }

        DirectorySync.Flush(folder);
        return Open(folder, number);
    }

    /// <summary>Closes the segment and renames it a spare for a later <see cref="Prepare"/>; returns the spare's path.</summary>
    public string Retire()
    {
        Handle.Dispose();
        string spare = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, SparePrefix + FileName(Number));
        File.Move(Path, spare, overwrite: true);
        return spare;
    }

    public void Dispose() => Handle.Dispose();
}
