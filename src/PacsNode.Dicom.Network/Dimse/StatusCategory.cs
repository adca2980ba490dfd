namespace PacsNode.Dicom.Network.Dimse;

/// <summary>The status classes of PS3.7 Annex C.</summary>
public enum StatusCategory
{
    Success,
    Warning,
    Failure,
    Cancel,
    Pending,
}
