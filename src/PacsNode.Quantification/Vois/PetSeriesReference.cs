using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>What reader-defined VOIs are checked against: the PET series' identity and the SOP Instance UID of each slice z.</summary>
public sealed record PetSeriesReference(string? FrameOfReferenceUid, string? SeriesInstanceUid, IReadOnlyList<string?> SopInstanceUidsByZ)
{
    /// <summary>From the slice headers in the order given to the volume assembler and the geometry it returned.</summary>
    public static PetSeriesReference From(IReadOnlyList<DicomDataset> slices, VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(geometry);
        return new PetSeriesReference(
            slices[0].GetString(DicomTag.FrameOfReferenceUID),
            slices[0].GetString(DicomTag.SeriesInstanceUID),
            [.. geometry.SliceOrder.Select(i => slices[i].GetString(DicomTag.SOPInstanceUID))]);
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
