namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// One row of the data dictionary (PS3.6 table 6-1, or a private dictionary): the tag, the VR or VRs the
/// standard allows (the first is the one an implicit VR reader assumes before PS3.5 resolution rules), the
/// value multiplicity and whether the element is retired.
/// </summary>
/// <param name="Tag">The tag; for repeating groups such as (60xx,3000) the lowest one, with <paramref name="Mask"/>.</param>
/// <param name="Mask">Bits of the tag value that must match: 0xFFFFFFFF for ordinary tags, 0xFF00FFFF for (60xx,eeee).</param>
/// <param name="Keyword">The PS3.6 keyword, e.g. "PatientWeight"; for private entries a name made of the description.</param>
/// <param name="Name">The PS3.6 attribute name, e.g. "Patient's Weight".</param>
/// <param name="VRs">The allowed VRs in PS3.6 order ("US or SS" gives two).</param>
/// <param name="VM">The value multiplicity as PS3.6 writes it: "1", "1-n", "2-2n", …</param>
/// <param name="IsRetired">True for retired elements.</param>
/// <param name="PrivateCreator">For private entries, the creator string that reserves the block; null for public ones.</param>
public sealed record DicomDictionaryEntry(
    DicomTag Tag,
    uint Mask,
    string Keyword,
    string Name,
    IReadOnlyList<DicomVR> VRs,
    string VM,
    bool IsRetired,
    string? PrivateCreator = null)
{
    /// <summary>The first allowed VR.</summary>
    public DicomVR VR => VRs.Count > 0 ? VRs[0] : DicomVR.UN;

    /// <summary>True when PS3.6 lists more than one VR ("US or SS", "OB or OW").</summary>
    public bool IsVRAmbiguous => VRs.Count > 1;
}
