namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// Which structure a point lies in, and its SUV and CT number. One rule for both modalities, so the PET activity and
/// the CT anatomy agree: a sphere (the first listed, when a point were in two) wins over the liver, the liver over the
/// lungs, the lungs over bone, bone over the body; outside the body cylinder and every sphere is air. With
/// <see cref="PhantomSpec.BodyRotationZDegrees"/>, a point is turned back about the body axis before the body, lungs,
/// liver and spine are looked up (the spheres are tested where they are).
/// </summary>
internal sealed class PhantomAnatomy
{
    public const short AirHu = -1000;
    public const short SoftTissueHu = 40;
    public const short LungHu = -800;
    public const short LiverHu = 60;
    public const short SphereHu = 40;
    public const short BoneHu = 700;

    private readonly PhantomSpec _spec;
    private readonly double _spineY;
    private readonly double _spineRadius;
    private readonly double _cos;
    private readonly double _sin;

    public PhantomAnatomy(PhantomSpec spec)
    {
        _spec = spec;
        _spineY = 0.65 * spec.BodySemiAxisYMm;
        _spineRadius = 0.09 * spec.BodySemiAxisXMm;
        (_sin, _cos) = Math.SinCos(spec.BodyRotationZDegrees * Math.PI / 180);
    }

    /// <summary>The region of a point and, for <see cref="PhantomRegion.Sphere"/>, the sphere's index (else −1).</summary>
    public (PhantomRegion Region, int Sphere) Classify(double x, double y, double z)
    {
        IReadOnlyList<PhantomSphere> spheres = _spec.Spheres;
        for (int i = 0; i < spheres.Count; i++)
        {
            if (spheres[i].Contains(x, y, z))
            {
                return (PhantomRegion.Sphere, i);
            }
        }

        double bx = x - _spec.BodyCentreXMm, by = y - _spec.BodyCentreYMm;
        if (_spec.BodyRotationZDegrees != 0)
        {
            // Rᵀ: the point in the unturned anatomy.
            (bx, by) = ((_cos * bx) + (_sin * by), (-_sin * bx) + (_cos * by));
            (x, y) = (_spec.BodyCentreXMm + bx, _spec.BodyCentreYMm + by);
        }

        double u = bx / _spec.BodySemiAxisXMm, v = by / _spec.BodySemiAxisYMm;
        if ((u * u) + (v * v) > 1)
        {
            return (PhantomRegion.Air, -1);
        }

        if (_spec.Liver.Contains(x, y, z))
        {
            return (PhantomRegion.Liver, -1);
        }

        if (_spec.RightLung.Contains(x, y, z) || _spec.LeftLung.Contains(x, y, z))
        {
            return (PhantomRegion.Lung, -1);
        }

        double dy = by - _spineY;
        if (_spec.IncludeBone && (bx * bx) + (dy * dy) <= _spineRadius * _spineRadius)
        {
            return (PhantomRegion.Bone, -1);
        }

        return (PhantomRegion.Body, -1);
    }

    public double Suv(double x, double y, double z)
    {
        (PhantomRegion region, int sphere) = Classify(x, y, z);
        return region switch
        {
            PhantomRegion.Sphere => _spec.Spheres[sphere].Suv,
            PhantomRegion.Liver => _spec.LiverSuv,
            PhantomRegion.Lung => _spec.LungSuv,
            PhantomRegion.Body or PhantomRegion.Bone => _spec.BackgroundSuv,
            _ => 0,
        };
    }

    public short Hu(double x, double y, double z) => Classify(x, y, z).Region switch
    {
        PhantomRegion.Sphere => SphereHu,
        PhantomRegion.Liver => LiverHu,
        PhantomRegion.Lung => LungHu,
        PhantomRegion.Bone => BoneHu,
        PhantomRegion.Body => SoftTissueHu,
        _ => AirHu,
    };
}
