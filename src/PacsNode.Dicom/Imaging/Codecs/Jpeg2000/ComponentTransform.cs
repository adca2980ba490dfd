namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The inverse multiple component transforms of T.800 Annex G: the reversible RCT (G-6..G-8) and the irreversible ICT (G-3..G-5).</summary>
internal static class ComponentTransform
{
    public static void InverseRct(int[] y0, int[] y1, int[] y2)
    {
        Check(y0.Length, y1.Length, y2.Length);
        for (int i = 0; i < y0.Length; i++)
        {
            int g = y0[i] - ((y1[i] + y2[i]) >> 2);
            int r = y2[i] + g;
            int b = y1[i] + g;
            y0[i] = r;
            y1[i] = g;
            y2[i] = b;
        }
    }

    public static void InverseIct(float[] y0, float[] y1, float[] y2)
    {
        Check(y0.Length, y1.Length, y2.Length);
        for (int i = 0; i < y0.Length; i++)
        {
            float y = y0[i];
            float cb = y1[i];
            float cr = y2[i];
            y0[i] = y + (1.402f * cr);
            y1[i] = y - (0.34413f * cb) - (0.71414f * cr);
            y2[i] = y + (1.772f * cb);
        }
    }

    private static void Check(int a, int b, int c)
    {
        if (a != b || a != c)
        {
            throw J2kError.NotSupported("a component transform over components of different sizes.");
        }
    }
}
