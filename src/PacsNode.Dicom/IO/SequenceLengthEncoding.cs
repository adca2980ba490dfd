namespace PacsNode.Dicom.IO;

/// <summary>How sequence and item lengths are written (PS3.5 7.5: both forms are valid).</summary>
public enum SequenceLengthEncoding
{
    /// <summary>As each sequence and item was read (undefined for ones built in code).</summary>
    Keep,

    /// <summary>Explicit lengths everywhere.</summary>
    Defined,

    /// <summary>Undefined lengths with delimitation items everywhere.</summary>
    Undefined,
}
