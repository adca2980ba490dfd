using System.Text;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>Private blocks (PS3.5 7.8.1): a creator element (gggg,00xx) reserves elements (gggg,xx00-xxFF).</summary>
public sealed partial class DicomDataset
{
    /// <summary>The creator that reserved the block of a private element, or null when the block has none.</summary>
    public string? GetPrivateCreator(DicomTag tag)
    {
        if (!tag.IsPrivate || tag.IsPrivateCreator || tag.Element < 0x1000)
        {
            return null;
        }

        return Get(tag.PrivateCreatorTag) is DicomElement { IsEmpty: false } creator
            ? DecodeCreator(creator.Buffer.Span)
            : null;
    }

    /// <summary>
    /// Finds the block a creator has reserved in a group, e.g. ("GEMS_PETD_01", 0x0009) → 0x10, so private
    /// elements are resolved through their creator and never through a hard-coded block number.
    /// </summary>
    public byte? FindPrivateBlock(string creator, ushort group)
    {
        ArgumentNullException.ThrowIfNull(creator);
        for (ushort element = 0x0010; element <= 0x00FF; element++)
        {
            if (Get(new DicomTag(group, element)) is DicomElement { IsEmpty: false } e &&
                string.Equals(DecodeCreator(e.Buffer.Span), creator.Trim(), StringComparison.Ordinal))
            {
                return (byte)element;
            }
        }

        return null;
    }

    /// <summary>The tag of a creator's element, e.g. ("GEMS_PETD_01", (0009,xx0D)) → (0009,100D).</summary>
    public DicomTag? ResolvePrivateTag(string creator, ushort group, byte elementInBlock) =>
        FindPrivateBlock(creator, group) is { } block
            ? new DicomTag(group, (ushort)((block << 8) | elementInBlock))
            : null;

    /// <summary>Creator strings are LO in the default repertoire; Latin-1 keeps any stray byte visible.</summary>
    private static string DecodeCreator(ReadOnlySpan<byte> value) =>
        Encoding.Latin1.GetString(value).Trim(' ', '\0');
}
