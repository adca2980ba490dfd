namespace PacsNode.Quantification.Kernels.Ilgpu;

/// <summary>An axis-aligned box of voxels [X0, X0 + Width) × [Y0, Y0 + Height) × [Z0, Z0 + Depth), as a kernel argument.</summary>
internal readonly struct GridBox(int x0, int y0, int z0, int width, int height, int depth)
{
    public readonly int X0 = x0;
    public readonly int Y0 = y0;
    public readonly int Z0 = z0;
    public readonly int Width = width;
    public readonly int Height = height;
    public readonly int Depth = depth;

    public int VoxelCount => Width * Height * Depth;
}
