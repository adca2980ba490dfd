namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Tier-1 context labels (T.800 D.3): zero coding from the significant horizontal, vertical and diagonal neighbours
/// per sub-band orientation (Table D.1), sign coding from the neighbours' signs (Table D.3), magnitude refinement (D.3.3).
/// </summary>
internal static class T1Contexts
{
    public const int SignBase = 9;
    public const int RefinementFirstQuiet = 14;
    public const int RefinementFirstBusy = 15;
    public const int RefinementLater = 16;

    /// <summary>Zero-coding context by orientation (0 LL, 1 HL, 2 LH, 3 HH) and (h·3 + v)·5 + d.</summary>
    private static readonly byte[][] ZeroCoding = BuildZeroCoding();

    /// <summary>Zero-coding context by orientation and packed neighbour counts (h in bits 0–1, v in 2–3, d in 4–6).</summary>
    private static readonly byte[][] ZeroCodingPacked = BuildPacked();

    public static int Zero(int orientation, int h, int v, int d) => ZeroCoding[orientation][(((h * 3) + v) * 5) + d];

    public static int Zero(int orientation, int packed) => ZeroCodingPacked[orientation][packed];

    /// <summary>Table D.3: the context and the XOR bit for horizontal and vertical sign contributions, each in −1..1.</summary>
    public static (int Context, int Xor) Sign(int h, int v) => (h, v) switch
    {
        (1, 1) => (13, 0),
        (1, 0) => (12, 0),
        (1, -1) => (11, 0),
        (0, 1) => (10, 0),
        (0, 0) => (9, 0),
        (0, -1) => (10, 1),
        (-1, 1) => (11, 1),
        (-1, 0) => (12, 1),
        _ => (13, 1),
    };

    private static byte[][] BuildPacked()
    {
        var tables = new byte[4][];
        for (int orientation = 0; orientation < 4; orientation++)
        {
            tables[orientation] = new byte[128];
            for (int packed = 0; packed < 128; packed++)
            {
                int h = Math.Min(packed & 3, 2);
                int v = Math.Min((packed >> 2) & 3, 2);
                int d = Math.Min(packed >> 4, 4);
                tables[orientation][packed] = (byte)Zero(orientation, h, v, d);
            }
        }

        return tables;
    }

    private static byte[][] BuildZeroCoding()
    {
        var tables = new byte[4][];
        for (int orientation = 0; orientation < 4; orientation++)
        {
            tables[orientation] = new byte[45];
            for (int h = 0; h <= 2; h++)
            {
                for (int v = 0; v <= 2; v++)
                {
                    for (int d = 0; d <= 4; d++)
                    {
                        tables[orientation][(((h * 3) + v) * 5) + d] = orientation switch
                        {
                            1 => LowHigh(v, h, d), // HL: the roles of horizontal and vertical swap
                            3 => HighHigh(h + v, d),
                            _ => LowHigh(h, v, d),
                        };
                    }
                }
            }
        }

        return tables;
    }

    private static byte LowHigh(int h, int v, int d) => h switch
    {
        2 => 8,
        1 when v >= 1 => 7,
        1 when d >= 1 => 6,
        1 => 5,
        _ when v == 2 => 4,
        _ when v == 1 => 3,
        _ when d >= 2 => 2,
        _ when d == 1 => 1,
        _ => 0,
    };

    private static byte HighHigh(int hv, int d) => d switch
    {
        >= 3 => 8,
        2 when hv >= 1 => 7,
        2 => 6,
        1 when hv >= 2 => 5,
        1 when hv == 1 => 4,
        1 => 3,
        _ when hv >= 2 => 2,
        _ when hv == 1 => 1,
        _ => 0,
    };
}
