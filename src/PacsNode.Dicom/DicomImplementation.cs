namespace PacsNode.Dicom;

/// <summary>
/// How PacsNode identifies itself in file meta information and association negotiation (PS3.7 D.3.3.2).
/// The class UID is a UUID-derived UID under the 2.25 root (PS3.5 B.2), fixed for this implementation.
/// </summary>
public static class DicomImplementation
{
    public const string ClassUid = "2.25.142388603829380444259753560785102216976";

    /// <summary>At most 16 characters of the default repertoire.</summary>
    public const string VersionName = "PACSNODE_0_1";
}
