using System.Buffers.Binary;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.IO;

/// <summary>The VR of an implicit VR element, from the dictionary and the rules of PS3.5 annex A.1.</summary>
internal sealed partial class DicomDatasetParser
{
    private static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    private static DicomVR ImplicitVR(DicomDataset dataset, DicomTag tag, uint length)
    {
        if (tag.IsGroupLength)
        {
            return DicomVR.UL;
        }

        DicomDictionaryEntry? entry;
        if (tag.IsPrivate)
        {
            if (tag.IsPrivateCreator)
            {
                return DicomVR.LO;
            }

            string? creator = dataset.GetPrivateCreator(tag);
            entry = creator is null ? null : DicomDictionary.LookupPrivate(creator, tag);
        }
        else
        {
            entry = DicomDictionary.Lookup(tag);
        }

        if (entry is null)
        {
            // Unknown: UN; an undefined length then means a sequence in implicit VR (PS3.5 6.2.2).
            return length == UndefinedLength ? DicomVR.SQ : DicomVR.UN;
        }

        return entry.IsVRAmbiguous ? Resolve(entry, dataset) : entry.VR;
    }

    /// <summary>
    /// PS3.5 A.1 c: OB or OW is OW in implicit VR; US or SS follows Pixel Representation (SS when 1), which
    /// precedes every such element in tag order or lives in an enclosing dataset.
    /// </summary>
    private static DicomVR Resolve(DicomDictionaryEntry entry, DicomDataset dataset)
    {
        IReadOnlyList<DicomVR> vrs = entry.VRs;
        if (vrs.Contains(DicomVR.OW))
        {
            return DicomVR.OW;
        }

        if (vrs.Contains(DicomVR.US) && vrs.Contains(DicomVR.SS))
        {
            for (DicomDataset? d = dataset; d is not null; d = d.Parent)
            {
                if (d.Get(PixelRepresentation) is DicomElement { Length: >= 2 } rep)
                {
                    return BinaryPrimitives.ReadUInt16LittleEndian(rep.Buffer.Span) == 1 ? DicomVR.SS : DicomVR.US;
                }
            }

            return DicomVR.US;
        }

        return entry.VR;
    }
}
