using ILGPU;
using ILGPU.Runtime;

namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>
/// Device buffers kept between calls, one per named slot, grown when a call needs more: a whole-body volume is tens of
/// megabytes, and allocating it afresh for every call would cost more than most kernels.
/// </summary>
internal sealed class DeviceBuffers(Accelerator accelerator) : IDisposable
{
    private readonly Dictionary<string, MemoryBuffer> _buffers = new(StringComparer.Ordinal);

    /// <summary>A view of <paramref name="length"/> elements of the slot's buffer; its contents are whatever the last user left.</summary>
    public ArrayView<T> Get<T>(string slot, long length)
        where T : unmanaged
    {
        if (!_buffers.TryGetValue(slot, out MemoryBuffer? existing) || existing is not MemoryBuffer1D<T, Stride1D.Dense> buffer
            || buffer.Length < Math.Max(1, length))
        {
            existing?.Dispose();
            _buffers.Remove(slot);
            buffer = accelerator.Allocate1D<T>(Math.Max(1, length));
            _buffers.Add(slot, buffer);
        }

        return buffer.View.SubView(0, length);
    }

    /// <summary>A view of the slot holding a copy of <paramref name="source"/>.</summary>
    public ArrayView<T> Upload<T>(string slot, ReadOnlySpan<T> source)
        where T : unmanaged
    {
        ArrayView<T> view = Get<T>(slot, source.Length);
        if (source.Length > 0)
        {
            view.CopyFromCPU(source);
        }

        return view;
    }

    public void Dispose()
    {
        foreach (MemoryBuffer buffer in _buffers.Values)
        {
            buffer.Dispose();
        }

        _buffers.Clear();
    }
}
