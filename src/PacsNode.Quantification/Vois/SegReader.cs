using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// Reader-defined VOIs from a binary DICOM Segmentation (PS3.3 C.8.20) on the PET grid: the SEG must be in the PET's
/// Frame of Reference and reference the PET series (Referenced Series Sequence, or per-frame Derivation Image
/// source images); each frame's Plane Position (ImagePositionPatient in the per-frame or shared functional groups)
/// must be a PET slice's origin, its matrix, spacing and orientation the PET's. One VOI per segment, named by its
/// Segment Label, with the segment's Tracking ID and Tracking UID (0062,0020/0021) when it has them. FRACTIONAL and LABELMAP segmentations and encapsulated pixel data are refused (not written yet).
/// </summary>
public static class SegReader
{
    private const double PositionTolerance = 0.05;

    public static async Task<VoiReadResult> ReadAsync(DicomDataset seg, VolumeGeometry geometry, PetSeriesReference pet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seg);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(pet);
        VoiReadResult? problem = CheckHeader(seg, geometry, pet);
        if (problem is not null)
        {
            return problem;
        }

        IList<DicomDataset> frames = seg.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items ?? [];
        DicomDataset? shared = seg.GetSequence(DicomTag.SharedFunctionalGroupsSequence)?.Items.FirstOrDefault();
        if (seg.Get(DicomTag.PixelData) is not DicomElement pixelData)
        {
            return VoiReadResult.Fail(VoiFailureReason.Unsupported, "the SEG has no native PixelData (encapsulated SEG pixel data is not read)");
        }

        int plane = geometry.Columns * geometry.Rows;
        ReadOnlyMemory<byte> bits = await pixelData.Buffer.GetMemoryAsync(cancellationToken).ConfigureAwait(false);
        if (bits.Length < (((long)frames.Count * plane) + 7) / 8)
        {
            return VoiReadResult.Fail(VoiFailureReason.Malformed, Invariant($"PixelData holds {bits.Length} bytes; {frames.Count} frames of {plane} bits need {(((long)frames.Count * plane) + 7) / 8}"));
        }

        var voxels = new SortedDictionary<int, List<int>>();
        for (int f = 0; f < frames.Count; f++)
        {
            DicomDataset frame = frames[f];
            int? segment = Group(frame, shared, DicomTag.SegmentIdentificationSequence)?.TryGetInt32(DicomTag.ReferencedSegmentNumber, out int s) == true ? s : null;
            double[]? position = Group(frame, shared, DicomTag.PlanePositionSequence)?.GetDoubles(DicomTag.ImagePositionPatient);
            if (segment is null || position is not { Length: 3 })
            {
                return VoiReadResult.Fail(VoiFailureReason.Malformed, Invariant($"frame {f + 1} has no ReferencedSegmentNumber or ImagePositionPatient"));
            }

            (double x, double y, double z) = geometry.PatientToVoxel(new PatientVector(position[0], position[1], position[2]));
            int slice = (int)Math.Round(z, MidpointRounding.AwayFromZero);
            if (Math.Abs(x) > PositionTolerance || Math.Abs(y) > PositionTolerance || Math.Abs(z - slice) > PositionTolerance || slice < 0 || slice >= geometry.SliceCount)
            {
                return VoiReadResult.Fail(VoiFailureReason.SliceMismatch, Invariant(
                    $"frame {f + 1} at ({position[0]}, {position[1]}, {position[2]}) mm is not the origin of a PET slice"));
            }

            if (!voxels.TryGetValue(segment.Value, out List<int>? list))
            {
                list = [];
                voxels.Add(segment.Value, list);
            }

            long start = (long)f * plane;
            ReadOnlySpan<byte> span = bits.Span;
            for (int i = 0; i < plane; i++)
            {
                long bit = start + i;
                if ((span[(int)(bit >> 3)] & (1 << (int)(bit & 7))) != 0)
                {
                    list.Add((slice * plane) + i);
                }
            }
        }

        var notes = new List<string>();
        var vois = new List<Voi>();
        foreach (DicomDataset item in seg.GetSequence(DicomTag.SegmentSequence)?.Items ?? [])
        {
            if (!item.TryGetInt32(DicomTag.SegmentNumber, out int number))
            {
                continue;
            }

            string label = item.GetString(DicomTag.SegmentLabel) ?? string.Empty;
            if (!voxels.TryGetValue(number, out List<int>? list) || list.Count == 0)
            {
                notes.Add(Invariant($"segment {number} '{label}' has no voxels: not measured"));
                continue;
            }

            int[] sorted = [.. list.Distinct().Order()];
            vois.Add(new Voi(Invariant($"S{number}"), VoiSource.Seg, label, sorted)
            {
                TrackingIdentifier = NonEmpty(item.GetString(DicomTag.TrackingID)),
                TrackingUid = NonEmpty(item.GetString(DicomTag.TrackingUID)),
            });
        }

        return vois.Count == 0
            ? VoiReadResult.Fail(VoiFailureReason.NoVois, "no segment has voxels on the PET volume")
            : VoiReadResult.Success(vois, notes);
    }

    private static VoiReadResult? CheckHeader(DicomDataset seg, VolumeGeometry geometry, PetSeriesReference pet)
    {
        string? sopClass = seg.GetString(DicomTag.SOPClassUID);
        if (!string.Equals(sopClass, DicomUid.SegmentationStorage, StringComparison.Ordinal))
        {
            return VoiReadResult.Fail(VoiFailureReason.WrongObject, $"SOP Class {sopClass ?? "(none)"} is not Segmentation Storage");
        }

        string? type = seg.GetString(DicomTag.SegmentationType);
        if (!string.Equals(type, "BINARY", StringComparison.Ordinal))
        {
            return VoiReadResult.Fail(VoiFailureReason.Unsupported, $"SegmentationType {type ?? "(none)"}: only BINARY segmentations are read");
        }

        string? frame = seg.GetString(DicomTag.FrameOfReferenceUID);
        if (frame is not null && pet.FrameOfReferenceUid is not null && !string.Equals(frame, pet.FrameOfReferenceUid, StringComparison.Ordinal))
        {
            return VoiReadResult.Fail(VoiFailureReason.FrameOfReferenceMismatch, $"the SEG is in Frame of Reference {frame}; the PET series is in {pet.FrameOfReferenceUid}");
        }

        if (!ReferencesSeries(seg, pet))
        {
            return VoiReadResult.Fail(VoiFailureReason.SeriesMismatch, $"the SEG references neither PET series {pet.SeriesInstanceUid} nor any of its images");
        }

        if (!seg.TryGetInt32(DicomTag.Rows, out int rows) || !seg.TryGetInt32(DicomTag.Columns, out int columns) ||
            rows != geometry.Rows || columns != geometry.Columns)
        {
            return VoiReadResult.Fail(VoiFailureReason.GridMismatch, Invariant($"the SEG matrix is not the PET's {geometry.Columns}×{geometry.Rows}"));
        }

        if (!seg.TryGetInt32(DicomTag.BitsAllocated, out int bits) || bits != 1)
        {
            return VoiReadResult.Fail(VoiFailureReason.Unsupported, "a BINARY SEG must have BitsAllocated 1");
        }

        DicomDataset? shared = seg.GetSequence(DicomTag.SharedFunctionalGroupsSequence)?.Items.FirstOrDefault();
        DicomDataset? first = seg.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items.FirstOrDefault();
        double[]? orientation = Group(first, shared, DicomTag.PlaneOrientationSequence)?.GetDoubles(DicomTag.ImageOrientationPatient);
        double[]? spacing = Group(first, shared, DicomTag.PixelMeasuresSequence)?.GetDoubles(DicomTag.PixelSpacing);
        if (orientation is not { Length: 6 } || spacing is not { Length: 2 } ||
            (new PatientVector(orientation[0], orientation[1], orientation[2]) - geometry.RowDirection).Length > 1e-3 ||
            (new PatientVector(orientation[3], orientation[4], orientation[5]) - geometry.ColumnDirection).Length > 1e-3 ||
            Math.Abs(spacing[0] - geometry.RowSpacing) > 1e-3 * geometry.RowSpacing ||
            Math.Abs(spacing[1] - geometry.ColumnSpacing) > 1e-3 * geometry.ColumnSpacing)
        {
            return VoiReadResult.Fail(VoiFailureReason.GridMismatch, "the SEG's ImageOrientationPatient or PixelSpacing (functional groups) is missing or not the PET's");
        }

        return null;
    }

    private static bool ReferencesSeries(DicomDataset seg, PetSeriesReference pet)
    {
        foreach (DicomDataset series in seg.GetSequence(DicomTag.ReferencedSeriesSequence)?.Items ?? [])
        {
            if (string.Equals(series.GetString(DicomTag.SeriesInstanceUID), pet.SeriesInstanceUid, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (DicomDataset frame in seg.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items ?? [])
        {
            foreach (DicomDataset derivation in frame.GetSequence(DicomTag.DerivationImageSequence)?.Items ?? [])
            {
                foreach (DicomDataset source in derivation.GetSequence(DicomTag.SourceImageSequence)?.Items ?? [])
                {
                    if (source.GetString(DicomTag.ReferencedSOPInstanceUID) is { } uid && pet.SliceOf(uid) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The first item of a functional group macro, per frame first, else shared.</summary>
    private static DicomDataset? Group(DicomDataset? frame, DicomDataset? shared, DicomTag sequence) =>
        frame?.GetSequence(sequence)?.Items.FirstOrDefault() ?? shared?.GetSequence(sequence)?.Items.FirstOrDefault();

    private static string? NonEmpty(string? text) => text?.Trim() is { Length: > 0 } value ? value : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
