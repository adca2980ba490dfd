namespace PacsNode.Quantification.Kernels.Managed;

/// <summary>
/// Arrays kept between calls, one per named slot, grown when a call needs more: allocating tens of megabytes of fresh
/// (zeroed, page-faulting) memory on every call measured slower than the work itself. Arrays may be longer than asked.
/// </summary>
internal sealed class HostBuffers
{
    private readonly Dictionary<string, Array> _arrays = new(StringComparer.Ordinal);

    public T[] Get<T>(string slot, int length)
    {
        if (_arrays.TryGetValue(slot, out Array? existing) && existing is T[] array && array.Length >= length)
        {
            return array;
        }

        array = new T[length];
        _arrays[slot] = array;
        return array;
    }

    /// <summary>The slot's array with <paramref name="source"/> copied to its start.</summary>
    public T[] Copy<T>(string slot, ReadOnlySpan<T> source)
    {
        T[] array = Get<T>(slot, source.Length);
        source.CopyTo(array);
        return array;
    }

    public void Clear() => _arrays.Clear();
}
