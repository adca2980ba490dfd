using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Pipeline.Announcements;

/// <summary>
/// The instance count a classic PET Image Storage series announces in its PET Series module (PS3.3 C.8.9.1): Image
/// Index (0054,1330) runs over Number of Slices (0054,0081) for STATIC and WHOLE BODY, times Number of Time Slices
/// (0054,0101) for DYNAMIC, times Number of R-R Intervals (0054,0061) and Number of Time Slots (0054,0071) for GATED.
/// Series Type (0054,1000) value 1 chooses. Enhanced and Legacy Converted Enhanced PET carry frames, not one slice per instance: no count, quiet time only.
/// </summary>
internal static class PetGeometry
{
    public static int? ExpectedInstanceCount(DicomDataset dataset, string sopClassUid)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!string.Equals(sopClassUid, DicomUid.PositronEmissionTomographyImageStorage, StringComparison.Ordinal)
            || !dataset.TryGetInt32(DicomTag.NumberOfSlices, out int slices) || slices <= 0)
        {
            return null;
        }

        IReadOnlyList<string> seriesType = dataset.GetStrings(DicomTag.SeriesType);
        long count = (seriesType.Count > 0 ? seriesType[0] : null) switch
        {
            "DYNAMIC" => Positive(dataset, DicomTag.NumberOfTimeSlices) is { } t ? (long)slices * t : -1,
            "GATED" => Positive(dataset, DicomTag.NumberOfRRIntervals) is { } rr && Positive(dataset, DicomTag.NumberOfTimeSlots) is { } ts
                ? (long)slices * rr * ts
                : -1,
            _ => slices,
        };
        return count is > 0 and <= int.MaxValue ? (int)count : null;
    }

    private static int? Positive(DicomDataset dataset, DicomTag tag) =>
        dataset.TryGetInt32(tag, out int value) && value > 0 ? value : null;
}
