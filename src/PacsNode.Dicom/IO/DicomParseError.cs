namespace PacsNode.Dicom.IO;

/// <summary>Why a dataset could not be parsed; tests assert the reason, as DCMTK's tparser asserts its condition.</summary>
public enum DicomParseError
{
    UnexpectedEndOfData = 1,
    InvalidVR,
    LengthExceedsRemaining,
    LengthExceedsEnclosing,
    UndefinedLengthNotAllowed,
    InvalidItemTag,
    UnexpectedDelimiter,
    MissingItemDelimiter,
    MissingSequenceDelimiter,
    NestingTooDeep,
    SizeLimitExceeded,
    InvalidFileMetaInformation,
    UnsupportedTransferSyntax,
    InvalidDeflateData,
    InvalidFragment,
}
