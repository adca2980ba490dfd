namespace PacsNode.Dicom.Dictionary;

/// <summary>One row of PS3.6 table A-1: a UID the standard defines, with its name, keyword and type.</summary>
public sealed record DicomUidInfo(string Uid, string Name, string Keyword, DicomUidType Type, bool IsRetired)
{
    /// <summary>True for Storage SOP classes (SOP classes whose name ends in "Storage").</summary>
    public bool IsStorageSopClass => Type == DicomUidType.SopClass &&
        Name.Contains("Storage", StringComparison.Ordinal) &&
        !Name.Contains("Commitment", StringComparison.Ordinal);
}
