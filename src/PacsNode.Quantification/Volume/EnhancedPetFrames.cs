using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.Quantification.Suv;

namespace PacsNode.Quantification.Volume;

/// <summary>
/// Enhanced PET (1.2.840.10008.5.1.4.1.1.130, and Legacy Converted Enhanced PET) to one single-frame-shaped dataset
/// per frame, so the SUV calculator and the volume code read each frame as they read a classic slice
/// (PS3.3 C.7.6.16): the top level, then every Shared Functional Groups item's macro contents, then the frame's
/// Per-Frame Functional Groups item's contents (per-frame wins) are copied to the top level, e.g. Plane Orientation →
/// ImageOrientationPatient, Pixel Measures → PixelSpacing/SliceThickness, Plane Position → ImagePositionPatient,
/// Pixel Value Transformation → RescaleSlope/Intercept, Frame VOI LUT → WindowCenter/Width, Frame Content →
/// FrameAcquisitionDateTime. Then: FrameAcquisitionDateTime → AcquisitionDateTime, AcquisitionDate, AcquisitionTime;
/// FrameAcquisitionDuration (ms) → ActualFrameDuration; without DecayCorrection (0054,1102), DecayCorrected
/// (0018,9758) NO → NONE, and YES with a DecayCorrectionDateTime (0018,9701) equal to SeriesDate + SeriesTime →
/// START (any other reference DateTime is left unmapped, so the calculator refuses naming DecayCorrection). Native
/// pixel data is cut into frames (Rows × Columns × BitsAllocated / 8 bytes each); encapsulated multi-frame data must
/// be transcoded before. Frame i of the list is frame number i + 1, in the order of the input datasets. Classic
/// datasets pass through untouched. Not mapped (documented): FrameReferenceDateTime (so the IBSI back-computation of
/// the decay reference from FrameReferenceTime does not apply), per-frame PET Frame Correction Factors other than as
/// copied attributes.
/// </summary>
internal static class EnhancedPetFrames
{
    public static bool IsMultiFrame(DicomDataset dataset) =>
        dataset.Contains(DicomTag.PerFrameFunctionalGroupsSequence) ||
        (dataset.TryGetInt32(DicomTag.NumberOfFrames, out int frames) && frames > 1);

    /// <summary>The frames of every dataset in order; the same list when none is multi-frame.</summary>
    public static bool TryExpand(IReadOnlyList<DicomDataset> datasets, out IReadOnlyList<DicomDataset> frames, out string? error)
    {
        frames = datasets;
        error = null;
        if (!datasets.Any(IsMultiFrame))
        {
            return true;
        }

        var result = new List<DicomDataset>();
        for (int d = 0; d < datasets.Count; d++)
        {
            if (!IsMultiFrame(datasets[d]))
            {
                result.Add(datasets[d]);
                continue;
            }

            if (!TryExpandOne(datasets[d], d, result, out error))
            {
                return false;
            }
        }

        frames = result;
        return true;
    }

    private static bool TryExpandOne(DicomDataset source, int index, List<DicomDataset> into, out string? error)
    {
        error = null;
        string? sopClass = source.GetString(DicomTag.SOPClassUID)?.Trim();
        if (sopClass is not (DicomUid.EnhancedPETImageStorage or DicomUid.LegacyConvertedEnhancedPETImageStorage))
        {
            error = Invariant($"dataset {index} is multi-frame with SOPClassUID '{sopClass}': only Enhanced PET (and Legacy Converted Enhanced PET) is read");
            return false;
        }

        DicomSequence? perFrame = source.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence);
        int count = source.TryGetInt32(DicomTag.NumberOfFrames, out int n) ? n : 0;
        if (perFrame is null || count <= 0 || perFrame.Items.Count != count)
        {
            error = Invariant($"dataset {index}: NumberOfFrames {count} and the Per-Frame Functional Groups Sequence ({perFrame?.Items.Count ?? 0} items) do not agree");
            return false;
        }

        DicomDataset? shared = source.GetSequence(DicomTag.SharedFunctionalGroupsSequence)?.Items.FirstOrDefault();
        var pixels = source.Get(DicomTag.PixelData) as DicomElement;
        if (source.Get(DicomTag.PixelData) is { } p && pixels is null)
        {
            error = Invariant($"dataset {index}: encapsulated multi-frame pixel data must be decoded before the frames are split ({p.GetType().Name})");
            return false;
        }

        long frameBytes = 0;
        if (pixels is { Buffer.IsInMemory: false })
        {
            error = Invariant($"dataset {index}: file-backed pixel data must be loaded before the frames are split");
            return false;
        }

        if (pixels is not null)
        {
            frameBytes = (source.TryGetInt32(DicomTag.Rows, out int r) ? r : 0) * (long)(source.TryGetInt32(DicomTag.Columns, out int c) ? c : 0) *
                ((source.TryGetInt32(DicomTag.BitsAllocated, out int b) ? b : 0) / 8);
            if (frameBytes <= 0 || pixels.Buffer.Length < frameBytes * count)
            {
                error = Invariant($"dataset {index}: PixelData holds {pixels.Buffer.Length} bytes, {count} frames need {frameBytes * count}");
                return false;
            }
        }

        for (int f = 0; f < count; f++)
        {
            DicomDataset frame = Frame(source, shared, perFrame.Items[f]);
            if (pixels is not null)
            {
                frame.AddOrUpdate(new DicomElement(DicomTag.PixelData, pixels.VR, DicomBuffer.FromBytes(pixels.Buffer.Memory.Slice((int)(f * frameBytes), (int)frameBytes))));
            }

            into.Add(frame);
        }

        return true;
    }

    private static DicomDataset Frame(DicomDataset source, DicomDataset? shared, DicomDataset perFrame)
    {
        var frame = new DicomDataset(source.Where(i =>
            i.Tag != DicomTag.PerFrameFunctionalGroupsSequence && i.Tag != DicomTag.SharedFunctionalGroupsSequence &&
            i.Tag != DicomTag.PixelData && i.Tag != DicomTag.NumberOfFrames));
        Flatten(shared, frame);
        Flatten(perFrame, frame);
        if (frame.GetString(DicomTag.FrameAcquisitionDateTime)?.Trim() is { Length: >= 8 } acquired)
        {
            frame.SetString(DicomTag.AcquisitionDateTime, DicomVR.DT, acquired);
            frame.SetString(DicomTag.AcquisitionDate, DicomVR.DA, acquired[..8]);
            if (acquired.Length > 8)
            {
                string time = acquired[8..];
                int offset = time.IndexOfAny(['+', '-']);
                frame.SetString(DicomTag.AcquisitionTime, DicomVR.TM, offset >= 0 ? time[..offset] : time);
            }
        }

        if (frame.TryGetDouble(DicomTag.FrameAcquisitionDuration, out double ms) && ms > 0)
        {
            frame.SetString(DicomTag.ActualFrameDuration, DicomVR.IS, Math.Round(ms).ToString(CultureInfo.InvariantCulture));
        }

        if (!frame.Contains(DicomTag.DecayCorrection) && frame.GetString(DicomTag.DecayCorrected)?.Trim() is { } corrected)
        {
            if (string.Equals(corrected, "NO", StringComparison.Ordinal))
            {
                frame.SetString(DicomTag.DecayCorrection, DicomVR.CS, "NONE");
            }
            else if (string.Equals(corrected, "YES", StringComparison.Ordinal) && IsSeriesStart(frame))
            {
                frame.SetString(DicomTag.DecayCorrection, DicomVR.CS, "START");
            }
        }

        return frame;
    }

    private static bool IsSeriesStart(DicomDataset frame) =>
        SuvHeader.DateTimeValue(frame, DicomTag.DecayCorrectionDateTime) is { } reference &&
        SuvHeader.SeriesDateTime(frame) is { } series && Math.Abs((reference - series).TotalSeconds) < 1e-3;

    /// <summary>Copies the contents of each macro sequence's first item in <paramref name="groups"/> to <paramref name="into"/>.</summary>
    private static void Flatten(DicomDataset? groups, DicomDataset into)
    {
        if (groups is null)
        {
            return;
        }

        foreach (DicomItem macro in groups)
        {
            if (macro is DicomSequence { Items.Count: > 0 } sequence)
            {
                foreach (DicomItem item in sequence.Items[0])
                {
                    into.AddOrUpdate(item);
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
