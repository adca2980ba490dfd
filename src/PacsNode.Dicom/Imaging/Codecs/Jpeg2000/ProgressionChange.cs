namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>One progression volume of POC (T.800 A.6.6): resolutions, components and layers up to (exclusive) ends, in an order.</summary>
internal sealed record ProgressionChange(
    int ResolutionStart,
    int ComponentStart,
    int LayerEnd,
    int ResolutionEnd,
    int ComponentEnd,
    ProgressionOrder Order)
{
    public static List<ProgressionChange> Parse(ReadOnlySpan<byte> body, int components)
    {
        int componentBytes = components > 256 ? 2 : 1;
        int entry = 5 + (2 * componentBytes);
        if (body.Length == 0 || body.Length % entry != 0)
        {
            throw J2kError.Corrupt($"the POC segment has {body.Length} bytes, not a multiple of {entry}.");
        }

        var changes = new List<ProgressionChange>();
        for (int at = 0; at < body.Length; at += entry)
        {
            ReadOnlySpan<byte> e = body[at..];
            int cs = componentBytes == 1 ? e[1] : (e[1] << 8) | e[2];
            int layerEnd = (e[1 + componentBytes] << 8) | e[2 + componentBytes];
            int re = e[3 + componentBytes];
            int ce = componentBytes == 1 ? e[4 + componentBytes] : (e[4 + componentBytes] << 8) | e[5 + componentBytes];
            int order = e[entry - 1];
            if (order > 4)
            {
                throw J2kError.Corrupt($"POC names progression order {order}.");
            }

            changes.Add(new ProgressionChange(e[0], cs, layerEnd, re, ce == 0 ? 256 : ce, (ProgressionOrder)order));
        }

        return changes;
    }
}
