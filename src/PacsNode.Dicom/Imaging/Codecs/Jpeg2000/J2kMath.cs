namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The ceiling and floor divisions by powers of two that T.800 Annex B's geometry is written in.</summary>
internal static class J2kMath
{
    public static int CeilDiv(int value, int divisor) => (int)((value + (long)divisor - 1) / divisor);

    public static int CeilDivPow2(int value, int shift) => (int)((value + (1L << shift) - 1) >> shift);

    public static int FloorDivPow2(int value, int shift) => value >> shift;

    public static int FloorLog2(int value)
    {
        int log = 0;
        while (value > 1)
        {
            value >>= 1;
            log++;
        }

        return log;
    }
}
