using System.Globalization;
using System.Numerics;

namespace PacsNode.Quantification.Phantoms;

/// <summary>The UIDs of one generated study: UUID-derived UIDs under the 2.25 root (PS3.5 B.2), new for every study.</summary>
internal sealed record PhantomUids(string Study, string PetSeries, string CtSeries, string FrameOfReference)
{
    public static PhantomUids Create() => new(New(), New(), New(), New());

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes, bigEndian: true, out _);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
    }
}
