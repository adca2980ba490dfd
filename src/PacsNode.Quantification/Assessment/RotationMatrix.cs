using PacsNode.Quantification.Volume;

namespace PacsNode.Quantification.Assessment;

/// <summary>
/// A 3×3 rotation matrix in patient coordinates (LPS), given by its rows. <see cref="FromDegrees"/> composes rotations
/// about the fixed x, y and z axes in that order: R = Rz(γ)·Ry(β)·Rx(α), so a vector is turned first about x (pitch),
/// then about y (yaw), then about z (the long axis: roll of a supine patient). Each is right-handed: a positive angle
/// about z turns +x towards +y (patient left towards posterior).
/// </summary>
public readonly record struct RotationMatrix(PatientVector Row0, PatientVector Row1, PatientVector Row2)
{
    public static RotationMatrix Identity { get; } = new(new PatientVector(1, 0, 0), new PatientVector(0, 1, 0), new PatientVector(0, 0, 1));

    /// <param name="degrees">The angles about x, y and z, degrees.</param>
    public static RotationMatrix FromDegrees(PatientVector degrees)
    {
        (double sa, double ca) = Math.SinCos(degrees.X * Math.PI / 180);
        (double sb, double cb) = Math.SinCos(degrees.Y * Math.PI / 180);
        (double sg, double cg) = Math.SinCos(degrees.Z * Math.PI / 180);
        // Rz·Ry·Rx written out.
        return new RotationMatrix(
            new PatientVector(cg * cb, (cg * sb * sa) - (sg * ca), (cg * sb * ca) + (sg * sa)),
            new PatientVector(sg * cb, (sg * sb * sa) + (cg * ca), (sg * sb * ca) - (cg * sa)),
            new PatientVector(-sb, cb * sa, cb * ca));
    }

    /// <summary>R·v.</summary>
    public PatientVector Apply(PatientVector v) => new(Row0.Dot(v), Row1.Dot(v), Row2.Dot(v));

    /// <summary>Rᵀ·v, the inverse rotation.</summary>
    public PatientVector ApplyInverse(PatientVector v) => (Row0 * v.X) + (Row1 * v.Y) + (Row2 * v.Z);
}
