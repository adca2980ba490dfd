namespace PacsNode.Quantification.Phantoms;

/// <summary>An axis-aligned ellipsoid in patient coordinates (LPS, mm): centre and semi-axes along x, y and z.</summary>
public sealed record PhantomEllipsoid(double X, double Y, double Z, double SemiAxisX, double SemiAxisY, double SemiAxisZ)
{
    internal bool Contains(double x, double y, double z)
    {
        double u = (x - X) / SemiAxisX, v = (y - Y) / SemiAxisY, w = (z - Z) / SemiAxisZ;
        return (u * u) + (v * v) + (w * w) <= 1;
    }

    internal PhantomEllipsoid Scaled(double transverse, double axial) =>
        new(X * transverse, Y * transverse, Z * axial, SemiAxisX * transverse, SemiAxisY * transverse, SemiAxisZ * axial);
}
