using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data;

/// <summary>One entry of a dataset: a plain element, a sequence of items, or encapsulated pixel data fragments.</summary>
public abstract class DicomItem
{
    private protected DicomItem(DicomTag tag, DicomVR vr)
    {
        Tag = tag;
        VR = vr;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    public override string ToString() => $"{Tag} {VR.ToCode()}";
}
