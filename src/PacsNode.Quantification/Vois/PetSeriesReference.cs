using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>What reader-defined VOIs are checked against: the PET series' identity and the SOP Instance UID of each slice z.</summary>
public sealed record PetSeriesReference(string? FrameOfReferenceUid, string? SeriesInstanceUid, IReadOnlyList<string?> SopInstanceUidsByZ)
{
    /// <summary>
    /// From the slice headers in the order given to the volume assembler and the geometry it returned. The frames of an
    /// Enhanced PET share one SOP Instance UID, so they are listed without one (null): a VOI naming that instance is
    /// then placed by position, as one naming an image outside the series (ReferencedFrameNumber is not read).
    /// </summary>
    public static PetSeriesReference From(IReadOnlyList<DicomDataset> slices, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(geometry);
        var uids = new List<string?>();
        foreach (DicomDataset slice in slices)
        {
            if (!EnhancedPetFrames.IsMultiFrame(slice))
            {
                uids.Add(slice.GetString(DicomTag.SOPInstanceUID));
            }
            else if (EnhancedPetFrames.TryExpand([slice], out IReadOnlyList<DicomDataset> frames, out _))
            {
                uids.AddRange(Enumerable.Repeat<string?>(null, frames.Count));
            }
        }

        return new PetSeriesReference(
            slices[0].GetString(DicomTag.FrameOfReferenceUID),
            slices[0].GetString(DicomTag.SeriesInstanceUID),
            [.. geometry.SliceOrder.Select(i => i < uids.Count ? uids[i] : null)]);
    }

    /// <summary>The slice z of a SOP Instance UID, or −1.</summary>
    public int SliceOf(string sopInstanceUid)
    {
        for (int z = 0; z < SopInstanceUidsByZ.Count; z++)
        {
            if (string.Equals(SopInstanceUidsByZ[z], sopInstanceUid, StringComparison.Ordinal))
            {
                return z;
            }
        }

        return -1;
    }
}
