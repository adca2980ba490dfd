namespace PacsNode.Quantification.Vois;

/// <summary>
/// A volume of interest on a PET volume's grid: the linear indices x + Columns·(y + Rows·z) of its voxels, ascending
/// and distinct.
/// </summary>
public sealed class Voi
{
    public Voi(string id, VoiSource source, string name, IReadOnlyList<int> voxels)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(voxels);
        for (int i = 1; i < voxels.Count; i++)
        {
            if (voxels[i] <= voxels[i - 1])
            {
                throw new ArgumentException("VOI voxel indices must be ascending and distinct.", nameof(voxels));
            }
        }

        Id = id;
        Source = source;
        Name = name;
        Voxels = voxels;
    }

    /// <summary>"L1", "L2", … for automatic lesions; "R" + ROI Number for an RTSTRUCT; "S" + Segment Number for a SEG.</summary>
    public string Id { get; }

    public VoiSource Source { get; }

    /// <summary>ROI Name, Segment Label, or a generated description for automatic lesions.</summary>
    public string Name { get; }

    public IReadOnlyList<int> Voxels { get; }

    /// <summary>
    /// A SEG segment's Tracking ID (0062,0020), when it has one; null for automatic lesions and RTSTRUCT ROIs (an RT
    /// Structure Set has no tracking attributes).
    /// </summary>
    public string? TrackingIdentifier { get; init; }

    /// <summary>A SEG segment's Tracking UID (0062,0021), when it has one.</summary>
    public string? TrackingUid { get; init; }

    public override string ToString() => $"{Id} {Source} '{Name}' ({Voxels.Count} voxels)";
}
