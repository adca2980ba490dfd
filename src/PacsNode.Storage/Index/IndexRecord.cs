using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Files;

namespace PacsNode.Storage.Index;

/// <summary>What the index keeps of one stored instance: the attributes of the four levels and the file.</summary>
public sealed record IndexRecord
{
    public string PatientId { get; init; } = string.Empty;

    public string? PatientName { get; init; }

    public string? PatientBirthDate { get; init; }

    public string? PatientSex { get; init; }

    public required string StudyInstanceUid { get; init; }

    public string? StudyDate { get; init; }

    public string? StudyTime { get; init; }

    public string? AccessionNumber { get; init; }

    public string? StudyId { get; init; }

    public string? StudyDescription { get; init; }

    public string? ReferringPhysicianName { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string? Modality { get; init; }

    public string? SeriesNumber { get; init; }

    public string? SeriesDescription { get; init; }

    public string? Units { get; init; }

    public string? DecayCorrection { get; init; }

    public string? CorrectedImage { get; init; }

    public required string SopInstanceUid { get; init; }

    public required string SopClassUid { get; init; }

    public string? InstanceNumber { get; init; }

    public string? AcquisitionDateTime { get; init; }

    public required string TransferSyntaxUid { get; init; }

    public required string FilePath { get; init; }

    public long FileSize { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The instance's sequences that the index keeps (see <see cref="SequenceKeys"/>), for sequence matching; their
    /// items' text values are read with the instance's Specific Character Set.
    /// </summary>
    public IReadOnlyList<DicomSequence> Sequences { get; init; } = [];

    /// <summary>The record of a stored file; throws when the result has no dataset (an OutOfResources of a stream).</summary>
    public static IndexRecord FromStoreResult(StoreResult result, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Dataset is null || result.Path.Length == 0)
        {
            throw new ArgumentException($"A store result with outcome {result.Outcome} has no file to index.", nameof(result));
        }

        return FromDataset(result.Dataset, result.TransferSyntaxUid, result.Path, result.FileSize, receivedAt);
    }

    public static IndexRecord FromDataset(
        DicomDataset dataset, string transferSyntaxUid, string filePath, long fileSize, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new IndexRecord
        {
            PatientId = dataset.GetString(DicomTag.PatientID) ?? string.Empty,
            PatientName = dataset.GetString(DicomTag.PatientName),
            PatientBirthDate = dataset.GetString(DicomTag.PatientBirthDate),
            PatientSex = dataset.GetString(DicomTag.PatientSex),
            StudyInstanceUid = DicomUidValidator.Validate(dataset.GetString(DicomTag.StudyInstanceUID), nameof(DicomTag.StudyInstanceUID)),
            StudyDate = dataset.GetString(DicomTag.StudyDate),
            StudyTime = dataset.GetString(DicomTag.StudyTime),
            AccessionNumber = dataset.GetString(DicomTag.AccessionNumber),
            StudyId = dataset.GetString(DicomTag.StudyID),
            StudyDescription = dataset.GetString(DicomTag.StudyDescription),
            ReferringPhysicianName = dataset.GetString(DicomTag.ReferringPhysicianName),
            SeriesInstanceUid = DicomUidValidator.Validate(dataset.GetString(DicomTag.SeriesInstanceUID), nameof(DicomTag.SeriesInstanceUID)),
            Modality = dataset.GetString(DicomTag.Modality),
            SeriesNumber = dataset.GetString(DicomTag.SeriesNumber),
            SeriesDescription = dataset.GetString(DicomTag.SeriesDescription),
            Units = dataset.GetString(DicomTag.Units),
            DecayCorrection = dataset.GetString(DicomTag.DecayCorrection),
            CorrectedImage = dataset.GetString(DicomTag.CorrectedImage),
            SopInstanceUid = DicomUidValidator.Validate(dataset.GetString(DicomTag.SOPInstanceUID), nameof(DicomTag.SOPInstanceUID)),
            SopClassUid = dataset.GetString(DicomTag.SOPClassUID) ?? string.Empty,
            InstanceNumber = dataset.GetString(DicomTag.InstanceNumber),
            AcquisitionDateTime = dataset.GetString(DicomTag.AcquisitionDateTime),
            TransferSyntaxUid = transferSyntaxUid,
            FilePath = filePath,
            FileSize = fileSize,
            ReceivedAt = receivedAt,
            Sequences = SequenceKeys.All.Select(dataset.GetSequence).OfType<DicomSequence>().ToArray(),
        };
    }

    internal string ReceivedAtText => ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
