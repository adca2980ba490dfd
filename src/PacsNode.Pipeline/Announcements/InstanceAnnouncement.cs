namespace PacsNode.Pipeline.Announcements;

/// <summary>
/// What the pipeline learns of one instance received and stored: UIDs and a few attributes, never the dataset.
/// </summary>
/// <param name="StudyInstanceUid">The instance's study.</param>
/// <param name="SeriesInstanceUid">The instance's series.</param>
/// <param name="SopInstanceUid">The instance.</param>
/// <param name="SopClassUid">Its SOP class.</param>
/// <param name="Modality">Modality (0008,0060), or null.</param>
/// <param name="CallingAeTitle">The calling AE title of the association it came on.</param>
/// <param name="FrameOfReferenceUid">Frame of Reference UID (0020,0052), or null.</param>
/// <param name="NumberOfSlices">Number of Slices (0054,0081), or null.</param>
/// <param name="ExpectedInstanceCount">How many instances the series will have, when the instance says so cheaply
/// (classic PET: see <see cref="PetGeometry.ExpectedInstanceCount"/>); null otherwise.</param>
/// <param name="ReceivedAt">When it was stored.</param>
public sealed record InstanceAnnouncement(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string SopClassUid,
    string? Modality,
    string CallingAeTitle,
    string? FrameOfReferenceUid,
    int? NumberOfSlices,
    int? ExpectedInstanceCount,
    DateTimeOffset ReceivedAt);
