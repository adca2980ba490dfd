using System.Globalization;
using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Assessment;
using PacsNode.Storage.Index;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// Readers' HER2-PET classes (DOMAIN.md section 5) as they reach the node: a TID 1500 SR not made by the node, in one of
/// the patient's studies, with a Measurement Group per lesion carrying its Tracking Unique Identifier and/or Tracking
/// Identifier and a CODE item (HER2CLASS, 99PACSNODE) = HER2-1 … HER2-4. The observer is the SR's Person Observer Name
/// (121008, DCM) at document level, else the Author Observer's or the Verifying Observer's name.
/// </summary>
public static class ReaderHer2Reports
{
    /// <summary>What the node writes as Manufacturer in every SR and SEG it makes (<see cref="ReportingSettings.Device"/>).</summary>
    public const string NodeManufacturer = ReportingSettings.Manufacturer;

    private static readonly DicomReaderOptions HeaderOnly = new() { StopAtTag = DicomTag.ContentSequence };

    private static readonly Code PersonObserverName = new("121008", "DCM", "Person Observer Name");

    /// <summary>
    /// True for an object the node made: its Manufacturer is <see cref="NodeManufacturer"/>. The rule does not depend on
    /// the node's AE title (which the device observer UID does) or on derived series UIDs, so a renamed node still
    /// recognises its own reports, and its reports never make a reader-HER2 job do anything.
    /// </summary>
    public static bool IsNodeOwn(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return string.Equals(dataset.GetString(DicomTag.Manufacturer)?.Trim(), NodeManufacturer, StringComparison.Ordinal);
    }

    /// <summary>
    /// The HER2-PET classes of one SR; empty for the node's own SR and for an SR without any. Groups without a Tracking
    /// UID or Identifier, and HER2CLASS values that are not HER2-1 … HER2-4, are skipped.
    /// </summary>
    /// <exception cref="Tid1500ReadException">The SR is not a readable TID 1500 report.</exception>
    public static IReadOnlyList<ReaderHer2Class> Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (IsNodeOwn(dataset))
        {
            return [];
        }

        StoredReport report = Tid1500Reader.Read(dataset);
        string observer = Observer(dataset);
        var classes = new List<ReaderHer2Class>();
        var concept = new Code(AssessmentCodes.ConceptHer2Class, AssessmentCodes.Scheme, string.Empty);
        foreach (StoredMeasurementGroup group in report.Groups)
        {
            if (group.TrackingUid is not { Length: > 0 } && group.TrackingIdentifier is not { Length: > 0 })
            {
                continue;
            }

            foreach (QualitativeEvaluation e in group.Evaluations.Where(e => e.Concept.Is(concept)))
            {
                if (ClassOf(e.Value) is { } c)
                {
                    classes.Add(new ReaderHer2Class(group.TrackingUid, group.TrackingIdentifier, c, observer, report.SopInstanceUid, report.ContentDateTime));
                }
            }
        }

        return classes;
    }

    /// <summary>
    /// Every reader HER2-PET class in the SR series of the given studies, with a reference to each SR that gave one
    /// (for the patient report's evidence). SRs that cannot be read are left out with a note.
    /// </summary>
    public static async Task<(IReadOnlyList<ReaderHer2Class> Classes, IReadOnlyList<SopReference> Reports)> CollectAsync(
        IndexCatalog catalog, IEnumerable<string> studyUids, List<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(studyUids);
        ArgumentNullException.ThrowIfNull(notes);
        var classes = new List<ReaderHer2Class>();
        var reports = new List<SopReference>();
        foreach (string study in studyUids)
        {
            foreach (CatalogSeries series in await catalog.ListStudySeriesAsync(study, cancellationToken).ConfigureAwait(false))
            {
                if (!string.Equals(series.Modality, "SR", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (CatalogInstance instance in await catalog.ListSeriesInstancesAsync(series.SeriesInstanceUid, cancellationToken).ConfigureAwait(false))
                {
                    IReadOnlyList<ReaderHer2Class> read;
                    try
                    {
                        // The node's own reports (every version of every per-series and patient report) are most of
                        // the SRs: their header says so, without reading their content.
                        if (IsNodeOwn((await DicomFile.OpenAsync(instance.FilePath, HeaderOnly, cancellationToken).ConfigureAwait(false)).Dataset))
                        {
                            continue;
                        }

                        read = Read((await DicomFile.OpenAsync(instance.FilePath, null, cancellationToken).ConfigureAwait(false)).Dataset);
                    }
                    catch (Exception ex) when (ex is DicomException or IOException or Tid1500ReadException)
                    {
                        notes.Add(string.Create(CultureInfo.InvariantCulture, $"SR {instance.SopInstanceUid} could not be read for reader HER2-PET classes ({ex.Message}); left out"));
                        continue;
                    }

                    if (read.Count > 0)
                    {
                        classes.AddRange(read);
                        reports.Add(new SopReference(study, series.SeriesInstanceUid, instance.SopClassUid, instance.SopInstanceUid));
                    }
                }
            }
        }

        return (classes, reports);
    }

    private static int? ClassOf(Code value) =>
        !string.Equals(value.Scheme, AssessmentCodes.Scheme, StringComparison.Ordinal) ? null
        : value.Value switch
        {
            AssessmentCodes.Her2Class1 => 1,
            AssessmentCodes.Her2Class2 => 2,
            AssessmentCodes.Her2Class3 => 3,
            AssessmentCodes.Her2Class4 => 4,
            _ => null,
        };

    /// <summary>Person Observer Name at document level, else the Author Observer's, else the Verifying Observer's name.</summary>
    private static string Observer(DicomDataset dataset)
    {
        foreach (DicomDataset item in dataset.GetSequence(DicomTag.ContentSequence)?.Items ?? [])
        {
            DicomDataset? name = item.GetSequence(DicomTag.ConceptNameCodeSequence)?.Items.FirstOrDefault();
            if (name is not null
                && string.Equals(name.GetString(DicomTag.CodeValue)?.Trim(), PersonObserverName.Value, StringComparison.Ordinal)
                && string.Equals(name.GetString(DicomTag.CodingSchemeDesignator)?.Trim(), PersonObserverName.Scheme, StringComparison.Ordinal)
                && item.GetString(DicomTag.PersonName)?.Trim() is { Length: > 0 } person)
            {
                return person;
            }
        }

        string? author = dataset.GetSequence(DicomTag.AuthorObserverSequence)?.Items
            .Select(i => i.GetString(DicomTag.PersonName)?.Trim()).FirstOrDefault(n => n is { Length: > 0 });
        string? verifier = dataset.GetSequence(DicomTag.VerifyingObserverSequence)?.Items
            .Select(i => i.GetString(DicomTag.VerifyingObserverName)?.Trim()).FirstOrDefault(n => n is { Length: > 0 });
        return author ?? verifier ?? "unnamed reader";
    }
}
