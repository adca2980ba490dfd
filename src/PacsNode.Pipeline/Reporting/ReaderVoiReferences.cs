using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// Which series and frame of reference a reader's RTSTRUCT or SEG was drawn on: the RT Referenced Series of its
/// Referenced Frame of Reference Sequence (RTSTRUCT, PS3.3 C.8.8.5) or its Referenced Series Sequence (SEG, C.8.20.2
/// via the Common Instance Reference module), and the Frame of Reference UID for a fallback match by position.
/// </summary>
internal static class ReaderVoiReferences
{
    public static IReadOnlyList<string> SeriesUids(DicomDataset dataset)
    {
        var uids = new List<string>();
        foreach (DicomDataset frame in dataset.GetSequence(DicomTag.ReferencedFrameOfReferenceSequence)?.Items ?? [])
        {
            foreach (DicomDataset study in frame.GetSequence(DicomTag.RTReferencedStudySequence)?.Items ?? [])
            {
                foreach (DicomDataset series in study.GetSequence(DicomTag.RTReferencedSeriesSequence)?.Items ?? [])
                {
                    Add(uids, series.GetString(DicomTag.SeriesInstanceUID));
                }
            }
        }

        foreach (DicomDataset series in dataset.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
        {
            Add(uids, series.GetString(DicomTag.SeriesInstanceUID));
        }

        return uids;
    }

    public static string? FrameOfReferenceUid(DicomDataset dataset) =>
        dataset.GetString(DicomTag.FrameOfReferenceUID)
        ?? dataset.GetSequence(DicomTag.ReferencedFrameOfReferenceSequence)?.Items.FirstOrDefault()?.GetString(DicomTag.FrameOfReferenceUID);

    private static void Add(List<string> uids, string? uid)
    {
        if (!string.IsNullOrEmpty(uid) && !uids.Contains(uid, StringComparer.Ordinal))
        {
            uids.Add(uid);
        }
    }
}
