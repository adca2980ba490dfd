namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// An axial grid (orientation 1\0\0\0\1\0): voxel (i, j, k) has its centre at (OriginX + i·PixelSpacing,
/// OriginY + j·PixelSpacing, OriginZ + k·SliceSpacing), k ascending in z. Index i + Columns·(j + Rows·k), the order
/// of <see cref="Volume.VolumeGeometry"/> for these slices.
/// </summary>
internal sealed record PhantomGrid(
    int Columns, int Rows, int Slices, double PixelSpacing, double SliceSpacing, double OriginX, double OriginY, double OriginZ)
{
    public int PlaneSize => Columns * Rows;

    public double X(int i) => OriginX + (i * PixelSpacing);

    public double Y(int j) => OriginY + (j * PixelSpacing);

    public double Z(int k) => OriginZ + (k * SliceSpacing);

    public double VoxelMillilitres => PixelSpacing * PixelSpacing * SliceSpacing / 1000;

    /// <summary>The PET grid, centred on the origin.</summary>
    public static PhantomGrid Pet(PhantomSpec spec) => new(
        spec.Columns, spec.Rows, spec.Slices, spec.PixelSpacingMm, spec.SliceSpacingMm,
        DecimalString.RoundTrip(-(spec.Columns - 1) / 2.0 * spec.PixelSpacingMm),
        DecimalString.RoundTrip(-(spec.Rows - 1) / 2.0 * spec.PixelSpacingMm),
        DecimalString.RoundTrip(-(spec.Slices - 1) / 2.0 * spec.SliceSpacingMm));

    /// <summary>
    /// The CT grid: square, covering the PET's transverse field of view with <see cref="PhantomSpec.CtMatrix"/> pixels,
    /// over the PET's z extent (slice centres) or the spec's z range.
    /// </summary>
    public static PhantomGrid Ct(PhantomSpec spec)
    {
        PhantomGrid pet = Pet(spec);
        double fov = Math.Max(spec.Columns, spec.Rows) * spec.PixelSpacingMm;
        double spacing = fov / spec.CtMatrix;
        double sliceSpacing = spec.CtSliceSpacingMm ?? spec.SliceSpacingMm;
        double zMin = spec.CtZMinMm ?? pet.Z(0);
        double zMax = spec.CtZMaxMm ?? pet.Z(pet.Slices - 1);
        int slices = zMax >= zMin ? (int)Math.Floor(((zMax - zMin) / sliceSpacing) + 1e-9) + 1 : 0;
        double origin = DecimalString.RoundTrip(-(spec.CtMatrix - 1) / 2.0 * spacing);
        return new PhantomGrid(spec.CtMatrix, spec.CtMatrix, slices, spacing, sliceSpacing, origin, origin, DecimalString.RoundTrip(zMin));
    }
}
