namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// The reason/diagnostic byte of an A-ASSOCIATE-RJ PDU (PS3.8 table 9-21). The same byte means different things
/// for each source (2 is "application context name not supported" from the service user but "protocol version not
/// supported" from the ACSE provider), so these are constants named with their source rather than an enum.
/// </summary>
public static class RejectReason
{
    public const byte UserNoReasonGiven = 1;
    public const byte UserApplicationContextNameNotSupported = 2;
    public const byte UserCallingAeTitleNotRecognized = 3;
    public const byte UserCalledAeTitleNotRecognized = 7;
    public const byte AcseNoReasonGiven = 1;
    public const byte AcseProtocolVersionNotSupported = 2;
    public const byte PresentationTemporaryCongestion = 1;
    public const byte PresentationLocalLimitExceeded = 2;
}
