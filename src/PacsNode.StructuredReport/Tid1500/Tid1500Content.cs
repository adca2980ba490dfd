using PacsNode.StructuredReport.Content;
using R = PacsNode.StructuredReport.Content.RelationshipType;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// Builds the TID 1500 content tree (PS3.16): language (TID 1204), device observer (TID 1001/1004), procedure
/// reported, Image Library (TID 1600/1601 with TID 1607 PET descriptors), Imaging Measurements with one TID 1411
/// group per VOI, and Qualitative Evaluations (document-level codes, notes, and the not-quantified statement).
/// </summary>
internal static class Tid1500Content
{
    public static ContentItem Build(MeasurementReport report)
    {
        var children = new List<ContentItem>
        {
            ContentItem.CodeItem(R.HasConceptMod, Concepts.LanguageOfContent, Concepts.EnglishUnitedStates),
            ContentItem.CodeItem(R.HasObsContext, Concepts.ObserverType, Concepts.Device),
            ContentItem.UidRef(R.HasObsContext, Concepts.DeviceObserverUid, report.Device.ObserverUid),
            ContentItem.TextItem(R.HasObsContext, Concepts.DeviceObserverName, report.Device.ObserverName),
            ContentItem.TextItem(R.HasObsContext, Concepts.DeviceObserverManufacturer, report.Device.Manufacturer),
            ContentItem.TextItem(R.HasObsContext, Concepts.DeviceObserverModelName, report.Device.ManufacturerModelName),
            ContentItem.TextItem(R.HasObsContext, Concepts.DeviceObserverSerialNumber, report.Device.DeviceSerialNumber),
            ContentItem.CodeItem(R.HasConceptMod, Concepts.ProcedureReported, report.ProcedureReported),
        };

        if (report.ImageLibrary.Count > 0)
        {
            children.Add(ContentItem.Container(R.Contains, Concepts.ImageLibrary, [.. report.ImageLibrary.Select(LibraryGroup)]));
        }

        if (report.Groups.Count > 0)
        {
            children.Add(ContentItem.Container(R.Contains, Concepts.ImagingMeasurements, [.. report.Groups.Select(g => Group(g, report.Algorithm))]));
        }

        List<ContentItem> evaluations = QualitativeEvaluations(report);
        if (evaluations.Count > 0)
        {
            children.Add(ContentItem.Container(R.Contains, Concepts.QualitativeEvaluations, evaluations));
        }

        return ContentItem.Container(null, Concepts.ImagingMeasurementReport, children, "1500");
    }

    private static ContentItem LibraryGroup(ImageLibraryGroup group)
    {
        var items = new List<ContentItem> { ContentItem.CodeItem(R.HasAcqContext, Concepts.Modality, group.Modality) };
        if (group.FrameOfReferenceUid is not null)
        {
            items.Add(ContentItem.UidRef(R.HasAcqContext, Concepts.FrameOfReferenceUid, group.FrameOfReferenceUid));
        }

        if (group.Pet is { } pet)
        {
            items.Add(ContentItem.CodeItem(R.HasAcqContext, Concepts.Radionuclide, pet.Radionuclide));
            items.Add(ContentItem.CodeItem(R.HasAcqContext, Concepts.RadiopharmaceuticalAgent, pet.Radiopharmaceutical));
            items.Add(ContentItem.Num(R.HasAcqContext, Concepts.HalfLifeOfRadiopharmaceutical, pet.HalfLifeSeconds, Units.Second));
            items.Add(ContentItem.DateTimeItem(R.HasAcqContext, Concepts.RadiopharmaceuticalStartDateTime, Elements.DateTimeText(pet.RadiopharmaceuticalStartDateTime)));
            items.Add(ContentItem.Num(R.HasAcqContext, Concepts.RadionuclideTotalDose, pet.TotalDoseBq, Units.Becquerel));
        }

        items.AddRange(group.Images.Select(i => ContentItem.Image(R.Contains, null, new ContentReference(i.SopClassUid, i.SopInstanceUid))));
        return ContentItem.Container(R.Contains, Concepts.ImageLibraryGroup, items);
    }

    private static ContentItem Group(MeasurementGroup group, AlgorithmIdentification algorithm)
    {
        var items = new List<ContentItem>
        {
            ContentItem.TextItem(R.HasObsContext, Concepts.TrackingIdentifier, group.TrackingIdentifier),
            ContentItem.UidRef(R.HasObsContext, Concepts.TrackingUniqueIdentifier, group.TrackingUid),
            ContentItem.CodeItem(R.Contains, Concepts.Finding, group.Finding),
        };

        if (group.TimePoint is not null)
        {
            items.Add(ContentItem.TextItem(R.HasObsContext, Concepts.TimePoint, group.TimePoint));
        }

        if (group.Segment is { } s)
        {
            items.Add(ContentItem.Image(R.Contains, Concepts.ReferencedSegment, new ContentReference(s.SopClassUid, s.SopInstanceUid, s.SegmentNumber)));
        }

        items.Add(ContentItem.UidRef(R.Contains, Concepts.SourceSeriesForSegmentation, group.SourceSeriesInstanceUid));
        if (group.MeasurementMethod is not null)
        {
            items.Add(ContentItem.CodeItem(R.HasConceptMod, Concepts.MeasurementMethod, group.MeasurementMethod));
        }

        items.AddRange(Algorithm(algorithm, R.HasConceptMod));
        if (group.FindingSite is not null)
        {
            items.Add(ContentItem.CodeItem(R.HasConceptMod, Concepts.FindingSite, group.FindingSite));
        }

        foreach (Measurement m in group.Measurements)
        {
            IReadOnlyList<ContentItem> modifiers = m.Derivation is null ? [] : [ContentItem.CodeItem(R.HasConceptMod, Concepts.Derivation, m.Derivation)];
            items.Add(ContentItem.Num(R.Contains, m.Concept, m.Value, m.Unit, modifiers));
        }

        items.AddRange(group.Evaluations.Select(e => ContentItem.CodeItem(R.Contains, e.Concept, e.Value)));
        return ContentItem.Container(R.Contains, Concepts.MeasurementGroup, items, "1411");
    }

    /// <summary>TID 4019: name, version, then one "name=value" Algorithm Parameters item per parameter.</summary>
    private static IEnumerable<ContentItem> Algorithm(AlgorithmIdentification algorithm, R relationship)
    {
        yield return ContentItem.TextItem(relationship, Concepts.AlgorithmName, algorithm.Name);
        yield return ContentItem.TextItem(relationship, Concepts.AlgorithmVersion, algorithm.Version);
        foreach (AlgorithmParameter p in algorithm.Parameters)
        {
            yield return ContentItem.TextItem(relationship, Concepts.AlgorithmParameters, p.ToString());
        }
    }

    private static List<ContentItem> QualitativeEvaluations(MeasurementReport report)
    {
        var items = new List<ContentItem>();
        if (report.NotQuantified is { } reason)
        {
            items.Add(ContentItem.CodeItem(R.Contains, Concepts.QuantificationStatus, Concepts.NotQuantified));
            items.Add(ContentItem.TextItem(R.Contains, Concepts.NotQuantifiedStage, reason.Stage));
            items.Add(ContentItem.TextItem(R.Contains, Concepts.NotQuantifiedReason, reason.Reason));
            items.Add(ContentItem.TextItem(R.Contains, Concepts.NotQuantifiedMessage, reason.Message));

            // No measurement group carries the algorithm, so the document says which one gave up.
            items.AddRange(Algorithm(report.Algorithm, R.Contains));
        }

        items.AddRange(report.Evaluations.Select(e => ContentItem.CodeItem(R.Contains, e.Concept, e.Value)));
        items.AddRange(report.Notes.Select(n => ContentItem.TextItem(R.Contains, Concepts.Comment, n)));
        return items;
    }
}
