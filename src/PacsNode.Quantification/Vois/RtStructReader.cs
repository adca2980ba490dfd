using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Vois;

/// <summary>
/// Reader-defined VOIs from an RT Structure Set (PS3.3 C.8.8.5 and C.8.8.6): each ROI of the StructureSetROISequence
/// with CLOSED_PLANAR contours in the ROIContourSequence becomes one VOI. A contour is matched to the PET slice whose
/// centre is within half a slice of its plane, and, when its ContourImageSequence names a slice of this series, that must be
/// the same slice (a reference to an image outside the series is noted and the contour placed by position: the
/// Frame of Reference, which must match, fixes the geometry, and the IBSI DROs' structure sets all name DRO_0_0's
/// images). Contours of one ROI on one slice are combined by the even-odd rule (holes work).
/// POINT and OPEN contours are skipped with a note; a Frame of Reference other than the PET's is refused.
/// </summary>
public static class RtStructReader
{
    /// <summary>How far (in voxels) the points of a planar contour may lie from their common slice plane.</summary>
    private const double PlanarTolerance = 0.05;

    public static VoiReadResult Read(DicomDataset structureSet, VolumeGeometry geometry, PetSeriesReference pet)
    {
        ArgumentNullException.ThrowIfNull(structureSet);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(pet);
        string? sopClass = structureSet.GetString(DicomTag.SOPClassUID);
        if (!string.Equals(sopClass, DicomUid.RTStructureSetStorage, StringComparison.Ordinal))
        {
            return VoiReadResult.Fail(VoiFailureReason.WrongObject, $"SOP Class {sopClass ?? "(none)"} is not RT Structure Set Storage");
        }

        if (structureSet.GetSequence(DicomTag.StructureSetROISequence) is not { } roiSequence ||
            structureSet.GetSequence(DicomTag.ROIContourSequence) is not { } contourSequence)
        {
            return VoiReadResult.Fail(VoiFailureReason.WrongObject, "StructureSetROISequence (3006,0020) or ROIContourSequence (3006,0039) is missing");
        }

        var names = new Dictionary<int, string>();
        foreach (DicomDataset roi in roiSequence.Items)
        {
            if (!roi.TryGetInt32(DicomTag.ROINumber, out int number))
            {
                return VoiReadResult.Fail(VoiFailureReason.Malformed, "a StructureSetROISequence item has no ROINumber");
            }

            string name = roi.GetString(DicomTag.ROIName) ?? string.Empty;
            string? frame = roi.GetString(DicomTag.ReferencedFrameOfReferenceUID);
            if (frame is not null && pet.FrameOfReferenceUid is not null && !string.Equals(frame, pet.FrameOfReferenceUid, StringComparison.Ordinal))
            {
                return VoiReadResult.Fail(VoiFailureReason.FrameOfReferenceMismatch, Invariant(
                    $"ROI {number} '{name}' is in Frame of Reference {frame}; the PET series is in {pet.FrameOfReferenceUid}"));
            }

            names[number] = name;
        }

        var notes = new List<string>();
        var vois = new List<Voi>();
        foreach (DicomDataset roiContour in contourSequence.Items)
        {
            if (!roiContour.TryGetInt32(DicomTag.ReferencedROINumber, out int number) || !names.TryGetValue(number, out string? name))
            {
                return VoiReadResult.Fail(VoiFailureReason.Malformed, "a ROIContourSequence item references no ROI of the StructureSetROISequence");
            }

            var bySlice = new SortedDictionary<int, List<(double X, double Y)[]>>();
            string? failure = CollectContours(roiContour, number, geometry, pet, bySlice, notes, out VoiFailureReason reason);
            if (failure is not null)
            {
                return VoiReadResult.Fail(reason, failure);
            }

            var voxels = new List<int>();
            foreach ((int z, List<(double X, double Y)[]> polygons) in bySlice)
            {
                foreach ((int x, int y) in ContourRasteriser.Fill(polygons, geometry.Columns, geometry.Rows))
                {
                    voxels.Add(x + (geometry.Columns * (y + (geometry.Rows * z))));
                }
            }

            if (voxels.Count == 0)
            {
                notes.Add(Invariant($"ROI {number} '{name}' covers no PET voxel centre: not measured"));
                continue;
            }

            voxels.Sort();
            vois.Add(new Voi(Invariant($"R{number}"), VoiSource.RtStruct, name, voxels));
        }

        return vois.Count == 0
            ? VoiReadResult.Fail(VoiFailureReason.NoVois, "no ROI has closed planar contours covering PET voxels" + (notes.Count > 0 ? ": " + string.Join("; ", notes) : string.Empty))
            : VoiReadResult.Success(vois, notes);
    }

    private static string? CollectContours(
        DicomDataset roiContour, int number, VolumeGeometry geometry, PetSeriesReference pet,
        SortedDictionary<int, List<(double X, double Y)[]>> bySlice, List<string> notes, out VoiFailureReason reason)
    {
        reason = VoiFailureReason.Malformed;
        int skipped = 0;
        int foreignReferences = 0;
        foreach (DicomDataset contour in roiContour.GetSequence(DicomTag.ContourSequence)?.Items ?? [])
        {
            string? type = contour.GetString(DicomTag.ContourGeometricType);
            if (!string.Equals(type, "CLOSED_PLANAR", StringComparison.Ordinal))
            {
                skipped++;
                continue;
            }

            double[]? data = contour.GetDoubles(DicomTag.ContourData);
            if (data is null || data.Length < 9 || data.Length % 3 != 0)
            {
                return Invariant($"ROI {number}: a CLOSED_PLANAR contour has {data?.Length ?? 0} ContourData values, not 3 per point and at least 3 points");
            }

            var polygon = new (double X, double Y)[data.Length / 3];
            double zMin = double.MaxValue, zMax = double.MinValue;
            for (int p = 0; p < polygon.Length; p++)
            {
                (double x, double y, double z) = geometry.PatientToVoxel(new PatientVector(data[3 * p], data[(3 * p) + 1], data[(3 * p) + 2]));
                polygon[p] = (x, y);
                zMin = Math.Min(zMin, z);
                zMax = Math.Max(zMax, z);
            }

            if (zMax - zMin > PlanarTolerance)
            {
                reason = VoiFailureReason.GridMismatch;
                return Invariant($"ROI {number}: a CLOSED_PLANAR contour spans {zMax - zMin:0.###} slices; it is not parallel to the PET slices");
            }

            double zc = (zMin + zMax) / 2;
            int slice = (int)Math.Round(zc, MidpointRounding.AwayFromZero);
            if (slice < 0 || slice >= geometry.SliceCount)
            {
                notes.Add(Invariant($"ROI {number}: a contour at slice position {zc:0.##} lies outside the PET volume: skipped"));
                continue;
            }

            string? referenced = contour.GetSequence(DicomTag.ContourImageSequence)?.Items.FirstOrDefault()?.GetString(DicomTag.ReferencedSOPInstanceUID);
            if (referenced is not null)
            {
                int named = pet.SliceOf(referenced);
                if (named < 0)
                {
                    // Contour Image Sequence is Type 3 and the Frame of Reference already fixes the geometry; the IBSI
                    // DROs' structure sets name DRO_0_0's images for every series. Placed by position, noted.
                    foreignReferences++;
                }
                else if (named != slice)
                {
                    reason = VoiFailureReason.SliceMismatch;
                    return Invariant($"ROI {number}: a contour lies on slice {slice} but references image {referenced}, slice {named}");
                }
            }

            if (!bySlice.TryGetValue(slice, out List<(double X, double Y)[]>? list))
            {
                list = [];
                bySlice.Add(slice, list);
            }

            list.Add(polygon);
        }

        if (foreignReferences > 0)
        {
            notes.Add(Invariant($"ROI {number}: {foreignReferences} contours reference images that are not slices of this PET series; they were placed by position in the shared Frame of Reference"));
        }

        if (skipped > 0)
        {
            notes.Add(Invariant($"ROI {number}: {skipped} contours that are not CLOSED_PLANAR were skipped"));
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
