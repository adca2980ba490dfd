namespace PacsNode.Quantification.Volume;

/// <summary>A point or direction in the DICOM patient coordinate system (LPS, mm).</summary>
public readonly record struct PatientVector(double X, double Y, double Z)
{
    public double Length => Math.Sqrt(Dot(this));

    public double Dot(PatientVector other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public PatientVector Cross(PatientVector other) =>
        new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    public static PatientVector operator +(PatientVector a, PatientVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static PatientVector operator -(PatientVector a, PatientVector b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static PatientVector operator *(PatientVector a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static PatientVector Add(PatientVector a, PatientVector b) => a + b;

    public static PatientVector Subtract(PatientVector a, PatientVector b) => a - b;

    public static PatientVector Multiply(PatientVector a, double s) => a * s;
}
