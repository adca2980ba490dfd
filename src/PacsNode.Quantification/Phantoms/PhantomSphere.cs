namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// A uniform hot sphere: centre in patient coordinates (LPS, mm), diameter in mm and SUVbw. A voxel belongs to it when
/// its centre lies within the radius (distance ≤ diameter / 2).
/// </summary>
public sealed record PhantomSphere(double X, double Y, double Z, double DiameterMm, double Suv)
{
    public double RadiusMm => DiameterMm / 2;

    internal bool Contains(double x, double y, double z)
    {
        double dx = x - X, dy = y - Y, dz = z - Z;
        return (dx * dx) + (dy * dy) + (dz * dz) <= RadiusMm * RadiusMm;
    }
}
