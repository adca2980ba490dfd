using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Data.Values;

/// <summary>A string value that does not follow the format PS3.5 table 6.2-1 gives its VR.</summary>
public sealed class DicomValueFormatException : DicomException
{
    public DicomValueFormatException()
    {
    }

    public DicomValueFormatException(string message)
        : base(message)
    {
    }

    public DicomValueFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DicomValueFormatException(DicomVR vr, string value)
        : base($"'{value}' is not a valid {vr.ToCode()} value.")
    {
        VR = vr;
        Value = value;
    }

    /// <summary>The VR whose format the value breaks; <see cref="DicomVR.None"/> if not given.</summary>
    public DicomVR VR { get; }

    /// <summary>The offending value, as given.</summary>
    public string? Value { get; }
}
