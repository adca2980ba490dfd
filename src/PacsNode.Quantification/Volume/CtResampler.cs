using System.Globalization;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Imaging.Codecs;
using PacsNode.Dicom.IO;

namespace PacsNode.Quantification.Volume;

/// <summary>
/// The CT of the PET's frame of reference resampled onto the PET grid (DOMAIN.md section 3): the CT slices are
/// assembled by <see cref="VolumeAssembler"/> (same geometry rules as the PET), each slice's stored values go to HU
/// through its own RescaleSlope/Intercept, and every target voxel centre is mapped into CT voxel coordinates
/// (<see cref="VolumeGeometry.PatientToVoxel"/>, so any orientation of either grid) and interpolated trilinearly
/// between the eight surrounding CT voxel centres. A centre outside the box of CT voxel centres (beyond a 1e-6 voxel
/// tolerance) gets <see cref="OutsideHu"/> (air) and is counted. No extrapolation: the CT's outer half voxel counts as
/// outside. A single CT slice is used only for target centres on its plane.
/// </summary>
public static class CtResampler
{
    /// <summary>Air: the value of target voxels outside the CT.</summary>
    public const float OutsideHu = -1000f;

    private const double EdgeTolerance = 1e-6;

    /// <param name="ctFiles">One CT series, with pixels.</param>
    /// <param name="target">The PET's grid.</param>
    /// <param name="targetFrameOfReferenceUid">The PET's FrameOfReferenceUID (0020,0052): every CT slice must carry it.</param>
    /// <param name="cancellationToken">Cancels reading file-backed pixel data.</param>
    public static async Task<VolumeResult<CtVolume>> ResampleAsync(
        IReadOnlyList<DicomFile> ctFiles,
        VolumeGeometry target,
        string targetFrameOfReferenceUid,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctFiles);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetFrameOfReferenceUid);
        for (int i = 0; i < ctFiles.Count; i++)
        {
            string? frame = ctFiles[i].Dataset.GetString(DicomTag.FrameOfReferenceUID)?.Trim();
            if (!string.Equals(frame, targetFrameOfReferenceUid.Trim(), StringComparison.Ordinal))
            {
                return Fail(VolumeFailureReason.FrameOfReferenceMismatch, Invariant(
                    $"CT slice {i} has FrameOfReferenceUID '{frame ?? "(none)"}', the PET '{targetFrameOfReferenceUid}': the CT is not in the PET's space"));
            }
        }

        VolumeResult<VolumeGeometry> assembled = VolumeAssembler.Assemble([.. ctFiles.Select(f => f.Dataset)]);
        if (!assembled.IsSuccess)
        {
            return Fail(assembled.Failure.Reason, "CT: " + assembled.Failure.Message);
        }

        VolumeGeometry ct = assembled.Value;
        int plane = ct.Columns * ct.Rows;
        float[] hu = new float[ct.VoxelCount];
        for (int z = 0; z < ct.SliceCount; z++)
        {
            int index = ct.SliceOrder[z];
            DicomDataset dataset;
            try
            {
                dataset = DicomTranscoder.ForSyntax(ctFiles[index].Dataset, ctFiles[index].TransferSyntax, DicomTransferSyntax.ExplicitVRLittleEndian);
            }
            catch (DicomException ex)
            {
                return Fail(VolumeFailureReason.CompressedPixelData, Invariant(
                    $"CT slice {index} is in {ctFiles[index].TransferSyntax.Name} ({ctFiles[index].TransferSyntax.Uid}) and cannot be decoded: {ex.Message}"));
            }

            double slope = dataset.TryGetDouble(DicomTag.RescaleSlope, out double s) ? s : 1;
            double intercept = dataset.TryGetDouble(DicomTag.RescaleIntercept, out double b) ? b : 0;
            VolumeFailure? failure = await SuvVolumeBuilder.DecodeAsync(
                dataset, index, plane, slope, intercept, 1, hu.AsMemory(z * plane, plane), cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return Fail(failure.Reason, "CT: " + failure.Message);
            }
        }

        return VolumeResult<CtVolume>.Success(Resample(ct, hu, target));
    }

    /// <summary>Trilinear interpolation of <paramref name="hu"/> (on <paramref name="ct"/>) at every centre of <paramref name="target"/>.</summary>
    internal static CtVolume Resample(VolumeGeometry ct, float[] hu, VolumeGeometry target)
    {
        float[] result = new float[target.VoxelCount];
        long outside = 0;
        int plane = ct.Columns * ct.Rows;
        for (int z = 0; z < target.SliceCount; z++)
        {
            for (int y = 0; y < target.Rows; y++)
            {
                for (int x = 0; x < target.Columns; x++)
                {
                    long o = x + ((long)target.Columns * (y + ((long)target.Rows * z)));
                    PatientVector centre = target.VoxelToPatient(x, y, z);
                    (double i, double j, double k) = ct.PatientToVoxel(centre);
                    if (ct.SliceSpacing <= 0)
                    {
                        // One CT slice without a thickness: PatientToVoxel gives 0 for any plane; use mm off the plane.
                        k = (centre - ct.Origin).Dot(ct.Normal);
                    }

                    if (!Axis(i, ct.Columns, out int i0, out double fi) || !Axis(j, ct.Rows, out int j0, out double fj) ||
                        !Axis(k, ct.SliceCount, out int k0, out double fk))
                    {
                        result[o] = OutsideHu;
                        outside++;
                        continue;
                    }

                    int i1 = Math.Min(i0 + 1, ct.Columns - 1);
                    int j1 = Math.Min(j0 + 1, ct.Rows - 1);
                    int k1 = Math.Min(k0 + 1, ct.SliceCount - 1);
                    double c00 = Lerp(hu[i0 + (ct.Columns * j0) + (plane * k0)], hu[i1 + (ct.Columns * j0) + (plane * k0)], fi);
                    double c10 = Lerp(hu[i0 + (ct.Columns * j1) + (plane * k0)], hu[i1 + (ct.Columns * j1) + (plane * k0)], fi);
                    double c01 = Lerp(hu[i0 + (ct.Columns * j0) + (plane * k1)], hu[i1 + (ct.Columns * j0) + (plane * k1)], fi);
                    double c11 = Lerp(hu[i0 + (ct.Columns * j1) + (plane * k1)], hu[i1 + (ct.Columns * j1) + (plane * k1)], fi);
                    result[o] = (float)Lerp(Lerp(c00, c10, fj), Lerp(c01, c11, fj), fk);
                }
            }
        }

        return new CtVolume(target, ct, result, outside);
    }

    /// <summary>The lower neighbour and the fraction towards the next along one axis of <paramref name="count"/> centres; false outside.</summary>
    private static bool Axis(double c, int count, out int lower, out double fraction)
    {
        lower = 0;
        fraction = 0;
        if (c < -EdgeTolerance || c > count - 1 + EdgeTolerance || double.IsNaN(c))
        {
            return false;
        }

        double clamped = Math.Clamp(c, 0, count - 1);
        lower = Math.Min((int)Math.Floor(clamped), Math.Max(count - 2, 0));
        fraction = count > 1 ? clamped - lower : 0;
        return true;
    }

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);

    private static VolumeResult<CtVolume> Fail(VolumeFailureReason reason, string message) =>
        VolumeResult<CtVolume>.Fail(reason, message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
