using System.Globalization;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Reads a TID 1500 Imaging Measurement Report back (ours, dcmqi's, highdicom's …): what it finds, it returns;
/// what it does not know, it ignores. A dataset that is not an SR document with a CONTAINER root is refused with
/// <see cref="Tid1500ReadException"/>.
/// </summary>
public static class Tid1500Reader
{
    private static readonly HashSet<string> SrSopClasses = new(StringComparer.Ordinal)
    {
        DicomUid.BasicTextSRStorage,
        DicomUid.EnhancedSRStorage,
        DicomUid.ComprehensiveSRStorage,
        DicomUid.Comprehensive3DSRStorage,
        DicomUid.ExtensibleSRStorage,
    };

    public static StoredReport Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        string? sopClass = dataset.GetString(DicomTag.SOPClassUID);
        if (sopClass is null || !SrSopClasses.Contains(sopClass))
        {
            throw new Tid1500ReadException($"SOP Class {sopClass ?? "(none)"} is not an SR document class.");
        }

        string? sopInstance = dataset.GetString(DicomTag.SOPInstanceUID);
        if (string.IsNullOrEmpty(sopInstance))
        {
            throw new Tid1500ReadException("The SR document has no SOP Instance UID.");
        }

        ContentItem root = ContentTreeReader.ReadRoot(dataset);
        if (root.ValueType != ContentValueType.Container || root.Concept is null)
        {
            throw new Tid1500ReadException("The SR document has no CONTAINER root with a concept name.");
        }

        List<StoredMeasurementGroup> groups = [.. root.ChildrenWith(Concepts.ImagingMeasurements)
            .SelectMany(c => c.ChildrenWith(Concepts.MeasurementGroup))
            .Where(g => g.ValueType == ContentValueType.Container)
            .Select(Tid1500GroupReader.Read)];
        ContentItem? evaluations = root.Child(Concepts.QualitativeEvaluations);
        return new StoredReport
        {
            SopInstanceUid = sopInstance,
            SeriesInstanceUid = dataset.GetString(DicomTag.SeriesInstanceUID),
            StudyInstanceUid = dataset.GetString(DicomTag.StudyInstanceUID),
            ContentDateTime = ContentDateTime(dataset),
            DocumentTitle = root.Concept,
            ProcedureReported = root.Child(Concepts.ProcedureReported)?.CodeValue,
            Predecessors = DocumentHeader.ReadHierarchical(dataset.GetSequence(DicomTag.PredecessorDocumentsSequence)),
            NotQuantified = evaluations is null ? null : NotQuantified(evaluations),
            Algorithm = groups.Select(g => g.Algorithm).FirstOrDefault(a => a is not null)
                ?? (evaluations is null ? null : Tid1500GroupReader.Algorithm(evaluations)),
            Notes = evaluations is null ? [] : [.. evaluations.ChildrenWith(Concepts.Comment).Select(c => c.Text).OfType<string>()],
            Evaluations = evaluations is null ? [] : Tid1500GroupReader.Evaluations(evaluations, Concepts.QuantificationStatus),
            Groups = groups,
        };
    }

    private static NotQuantifiedReason? NotQuantified(ContentItem evaluations)
    {
        Code? status = evaluations.Child(Concepts.QuantificationStatus)?.CodeValue;
        if (status is null || !status.Is(Concepts.NotQuantified))
        {
            return null;
        }

        return new NotQuantifiedReason(
            evaluations.Child(Concepts.NotQuantifiedStage)?.Text ?? string.Empty,
            evaluations.Child(Concepts.NotQuantifiedReason)?.Text ?? string.Empty,
            evaluations.Child(Concepts.NotQuantifiedMessage)?.Text ?? string.Empty);
    }

    /// <summary>Content Date and Time with Timezone Offset From UTC; UTC when the object gives no offset.</summary>
    private static DateTimeOffset? ContentDateTime(DicomDataset dataset)
    {
        string? date = dataset.GetString(DicomTag.ContentDate);
        string time = dataset.GetString(DicomTag.ContentTime) ?? string.Empty;
        if (string.IsNullOrEmpty(date) || !DicomDateTime.TryParse(date + time, out DicomDateTime value))
        {
            return null;
        }

        return value.ToDateTimeOffset(ParseOffset(dataset.GetString(DicomTag.TimezoneOffsetFromUTC)) ?? TimeSpan.Zero);
    }

    private static TimeSpan? ParseOffset(string? text)
    {
        if (text is not { Length: 5 } || (text[0] != '+' && text[0] != '-') ||
            !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours) ||
            !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes))
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return text[0] == '-' ? -offset : offset;
    }
}
