using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Writes a <see cref="MeasurementReport"/> as a Comprehensive 3D SR (1.2.840.10008.5.1.4.1.1.88.34) in Explicit VR
/// Little Endian: Patient, General Study, SR Document Series, General Equipment (with the Enhanced General Equipment
/// attributes), SR Document General, SR Document Content (TID 1500) and SOP Common. Refuses inconsistent input
/// (a not-quantified report with groups, references missing from the evidence) before writing anything.
/// </summary>
public static class Tid1500Writer
{
    public static DicomFile Write(MeasurementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Validate(report);
        ContentItem root = Tid1500Content.Build(report);

        List<CodingSchemeDeclaration> schemes = Schemes(report, root);
        IEnumerable<string> texts = Texts(root)
            .Concat([report.Document.SeriesDescription, report.Device.Manufacturer, report.Device.ManufacturerModelName, report.Device.InstitutionName ?? string.Empty])
            .Concat(schemes.SelectMany(s => new[] { s.Name, s.ResponsibleOrganization }));
        DicomDataset dataset = DocumentHeader.Create(report.Subject, texts);
        DocumentHeader.WriteSopCommon(dataset, DicomUid.Comprehensive3DSRStorage, report.Document, report.ContentDateTime);
        DocumentHeader.WritePatientAndStudy(dataset, report.Subject);
        DocumentHeader.WriteSeries(dataset, "SR", report.Document, report.ContentDateTime);
        DocumentHeader.WriteEquipment(dataset, report.Device);
        SrDocumentGeneral.Write(dataset, report.Evidence, report.Predecessors, schemes);
        ContentTreeWriter.WriteRoot(root, dataset);
        return new DicomFile(new DicomDataset(), dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static void Validate(MeasurementReport report)
    {
        if (report.NotQuantified is not null && report.Groups.Count > 0)
        {
            throw new ArgumentException("A not-quantified report has no measurement groups.", nameof(report));
        }

        var evidence = new HashSet<string>(report.Evidence.Select(e => e.SopInstanceUid), StringComparer.Ordinal);
        IEnumerable<string> referenced = report.ImageLibrary.SelectMany(g => g.Images.Select(i => i.SopInstanceUid))
            .Concat(report.Groups.Select(g => g.Segment?.SopInstanceUid).OfType<string>());
        string? missing = referenced.FirstOrDefault(uid => !evidence.Contains(uid));
        if (missing is not null)
        {
            throw new ArgumentException(
                $"Instance {missing} is referenced in the content but not listed in the evidence (PS3.3 C.17.2.3).", nameof(report));
        }

        // One lesion may have a group per time point (a patient-level report), but not two at the same one.
        var trackingIds = new HashSet<(string, string?)>();
        foreach (MeasurementGroup group in report.Groups)
        {
            if (!trackingIds.Add((group.TrackingIdentifier, group.TimePoint)))
            {
                throw new ArgumentException($"Tracking Identifier {group.TrackingIdentifier} is used by two groups of the same time point.", nameof(report));
            }
        }
    }

    /// <summary>The declared private schemes, plus 99PACSNODE when a code of it is used and it was not declared.</summary>
    private static List<CodingSchemeDeclaration> Schemes(MeasurementReport report, ContentItem root)
    {
        var schemes = report.PrivateCodingSchemes.ToList();
        string pacsNode = CodingSchemeDeclaration.PacsNode.Designator;
        bool declared = schemes.Any(s => string.Equals(s.Designator, pacsNode, StringComparison.Ordinal));
        if (!declared && UsesScheme(root, pacsNode))
        {
            schemes.Add(CodingSchemeDeclaration.PacsNode);
        }

        return schemes;
    }

    /// <summary>Every text and code meaning of the tree, to choose a character set that can encode them.</summary>
    private static IEnumerable<string> Texts(ContentItem item) =>
        new[] { item.Text, item.Concept?.Meaning, item.CodeValue?.Meaning, item.Unit?.Meaning }.OfType<string>()
            .Concat(item.Children.SelectMany(Texts));

    private static bool UsesScheme(ContentItem item, string designator) =>
        new[] { item.Concept, item.CodeValue, item.Unit }.Any(c => c is not null && string.Equals(c.Scheme, designator, StringComparison.Ordinal)) ||
        item.Children.Any(c => UsesScheme(c, designator));
}
