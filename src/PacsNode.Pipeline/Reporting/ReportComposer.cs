using PacsNode.Dicom.Dictionary;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Quantification.Vois;
using PacsNode.Quantification.Volume;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;
using PacsNode.StructuredReport.Tid1500;

namespace PacsNode.Pipeline.Reporting;

/// <summary>
/// Turns a quantification into the two objects of DOMAIN.md section 6: a TID 1500 report with one measurement group per
/// VOI (tracking identifiers "L1"… for detected lesions; for reader VOIs <see cref="ReaderTracking.Of(Voi)"/>: the SEG's
/// Tracking ID and UID when given, else the ROI or segment name) and one for the
/// liver reference ("LIVER"), and a binary SEG on the PET grid with one segment per group. Values are copied from the
/// quantification unrounded; nothing is measured here.
/// </summary>
internal static class ReportComposer
{
    public const string LiverTrackingIdentifier = "LIVER";

    public static (MeasurementReport Report, SegmentationInput Segmentation) Compose(ReportContext context, QuantifyResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            throw new ArgumentException("Only a successful quantification is reported with measurements.", nameof(result));
        }

        string petSeries = context.PetInstances[0].SeriesInstanceUid;
        VolumeGeometry geometry = result.Volume.Geometry;
        var segments = new List<SegmentDefinition>();
        var groups = new List<MeasurementGroup>();
        bool automatic = context.ReaderVois is null;
        foreach (MeasuredVoi voi in result.Vois)
        {
            ReaderTracking? reader = automatic ? null : ReaderTracking.Of(voi.Voi);
            string tracking = reader?.Identifier ?? voi.Voi.Id;
            int number = segments.Count + 1;
            string trackingUid = reader?.Uid ?? ReportIdentities.TrackingUid(petSeries, tracking);
            segments.Add(Segment(context, number, tracking, trackingUid, Concepts.MorphologicallyAlteredStructure, Concepts.Mass, automatic, voi.Voi.Voxels));
            groups.Add(Group(context, petSeries, tracking, trackingUid, number, Concepts.Lesion, null, LesionMeasurements(voi.Metrics)));
        }

        if (result.Liver.Liver is { } liver)
        {
            int number = segments.Count + 1;
            string trackingUid = ReportIdentities.TrackingUid(petSeries, LiverTrackingIdentifier);
            segments.Add(Segment(context, number, LiverTrackingIdentifier, trackingUid, Concepts.AnatomicalStructure, Concepts.Liver,
                liver.Automatic, LiverVoxels(geometry, liver)));
            var measurements = new List<Measurement> { new(Concepts.SuvBw, Concepts.Mean, liver.SuvMean, Units.SuvBw) };
            if (liver.SulMean is { } sul)
            {
                measurements.Add(new Measurement(Concepts.SuvLbmJanma, Concepts.Mean, sul, Units.SuvLbmJanma));
            }

            groups.Add(Group(context, petSeries, LiverTrackingIdentifier, trackingUid, number, Concepts.Liver, Concepts.Liver, measurements));
        }

        SegmentationInput segmentation = Segmentation(context, geometry, result.Series!, segments);
        MeasurementReport report = Report(context, result, groups) with { Evidence = Evidence(context, withSegmentation: true) };
        return (report, segmentation);
    }

    /// <summary>The short report of a series that could not be quantified: the stage, the reason and the message.</summary>
    public static MeasurementReport NotQuantified(ReportContext context, QuantifyFailure failure, IReadOnlyList<string> notes) =>
        new()
        {
            Subject = ReportSubject.FromDataset(context.PetHeader),
            Document = SrIdentity(context),
            ContentDateTime = context.ContentDateTime,
            Device = context.Device,
            Algorithm = context.Algorithm,
            ProcedureReported = Concepts.PetWholeBody,
            ImageLibrary = [Library(context, null)],
            Notes = notes,
            Evidence = Evidence(context, withSegmentation: false),
            Predecessors = context.Predecessors,
            NotQuantified = new NotQuantifiedReason(failure.Stage, failure.Reason, failure.Message),
        };

    private static MeasurementReport Report(ReportContext context, QuantifyResult result, IReadOnlyList<MeasurementGroup> groups)
    {
        PetImageDescriptors? pet = PetDescriptorReader.Read(context.PetHeader, result.Factors!.Provenance, out string? missing);
        var library = new List<ImageLibraryGroup> { Library(context, pet) };
        if (context.CtInstances.Count > 0)
        {
            library.Add(new ImageLibraryGroup
            {
                Modality = Concepts.ModalityCt,
                SeriesInstanceUid = context.CtInstances[0].SeriesInstanceUid,
                FrameOfReferenceUid = context.CtFrameOfReferenceUid,
                Images = [.. context.CtInstances.Select(i => new ImageReference(i.SopClassUid, i.SopInstanceUid))],
            });
        }

        return new MeasurementReport
        {
            Subject = ReportSubject.FromDataset(context.PetHeader),
            Document = SrIdentity(context),
            ContentDateTime = context.ContentDateTime,
            Device = context.Device,
            Algorithm = context.Algorithm,
            ProcedureReported = Concepts.PetWholeBody,
            ImageLibrary = library,
            Groups = groups,
            Notes = [.. result.Notes, .. result.Detection?.Candidates.Where(c => !c.Accepted).Select(c => $"candidate {c.Id} not reported: {c.RejectionReason}") ?? [],
                .. missing is null ? Array.Empty<string>() : [missing], .. result.SulUnavailableReason is { } sul ? [$"no SUVlbm: {sul}"] : Array.Empty<string>()],
            Predecessors = context.Predecessors,
        };
    }

    private static ImageLibraryGroup Library(ReportContext context, PetImageDescriptors? pet) => new()
    {
        Modality = Concepts.ModalityPet,
        SeriesInstanceUid = context.PetInstances[0].SeriesInstanceUid,
        FrameOfReferenceUid = context.PetHeader.GetString(DicomTag.FrameOfReferenceUID),
        Images = [.. context.PetInstances.Select(i => new ImageReference(i.SopClassUid, i.SopInstanceUid))],
        Pet = pet,
    };

    private static MeasurementGroup Group(
        ReportContext context, string petSeries, string tracking, string trackingUid, int segment, Code finding, Code? site,
        IReadOnlyList<Measurement> measurements) => new()
        {
            TrackingIdentifier = tracking,
            TrackingUid = trackingUid,
            Finding = finding,
            FindingSite = site,
            TimePoint = context.PetHeader.GetString(DicomTag.StudyDate) is { Length: > 0 } date ? date : null,
            Segment = new SegmentReference(DicomUid.SegmentationStorage, context.Identities.SegInstanceUid, segment),
            SourceSeriesInstanceUid = petSeries,
            MeasurementMethod = Concepts.SuvBodyWeightMethod,
            Measurements = measurements,
        };

    private static SegmentDefinition Segment(
        ReportContext context, int number, string tracking, string trackingUid, Code category, Code type, bool automatic, IReadOnlyList<int> voxels) => new()
        {
            Number = number,
            Label = tracking,
            Category = category,
            Type = type,
            AlgorithmType = automatic ? SegmentAlgorithmType.Automatic : SegmentAlgorithmType.Manual,
            AlgorithmName = automatic ? context.Algorithm.Name : null,
            AlgorithmVersion = automatic ? context.Algorithm.Version : null,
            TrackingId = tracking,
            TrackingUid = trackingUid,
            Voxels = voxels,
        };

    private static List<Measurement> LesionMeasurements(VoiMetrics m)
    {
        var list = new List<Measurement>
        {
            new(Concepts.SuvBw, Concepts.Maximum, m.SuvMax, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.Mean, m.SuvMean, Units.SuvBw),
            new(Concepts.SuvBw, Concepts.PeakValueWithinRoi, m.SuvPeak, Units.SuvBw),
        };
        if (m.SulPeak is { } sul)
        {
            list.Add(new Measurement(Concepts.SuvLbmJanma, Concepts.PeakValueWithinRoi, sul, Units.SuvLbmJanma));
        }

        list.Add(new Measurement(Concepts.MetabolicVolume, null, m.MtvMl, Units.Milliliter));
        if (m.Tlg is { } tlg)
        {
            list.Add(new Measurement(Concepts.TotalLesionGlycolysis, null, tlg, Units.Gram));
        }

        if (m.Lbr is { } lbr)
        {
            list.Add(new Measurement(Concepts.LesionToBackgroundRatio, null, lbr, Units.NoUnits));
        }

        return list;
    }

    /// <summary>The 3 cm liver sphere: voxels whose centre lies within 15 mm of the reference's centre voxel.</summary>
    private static List<int> LiverVoxels(VolumeGeometry geometry, LiverReference liver)
    {
        VolumeShape shape = GridShape.Of(geometry);
        var voxels = new List<int>();
        foreach ((int dx, int dy, int dz, double _) in SphereOffsets.Create(shape, LiverReference.RadiusMm))
        {
            int x = liver.CentreVoxel.X + dx, y = liver.CentreVoxel.Y + dy, z = liver.CentreVoxel.Z + dz;
            if (x >= 0 && y >= 0 && z >= 0 && x < geometry.Columns && y < geometry.Rows && z < geometry.SliceCount)
            {
                voxels.Add(x + (geometry.Columns * (y + (geometry.Rows * z))));
            }
        }

        voxels.Sort();
        return voxels;
    }

    private static SegmentationInput Segmentation(
        ReportContext context, VolumeGeometry geometry, PetSeriesReference series, IReadOnlyList<SegmentDefinition> segments)
    {
        string petClass = context.PetInstances[0].SopClassUid;
        string singleInstance = context.PetInstances[0].SopInstanceUid;
        var slices = new List<SourceSlice>();
        for (int z = 0; z < geometry.SliceCount; z++)
        {
            PatientVector p = geometry.VoxelToPatient(0, 0, z);
            slices.Add(new SourceSlice(p.X, p.Y, p.Z, petClass, series.SopInstanceUidsByZ[z] ?? singleInstance));
        }

        double thickness = context.PetHeader.TryGetDouble(DicomTag.SliceThickness, out double t, 0) && t > 0 ? t : geometry.SliceSpacing;
        return new SegmentationInput
        {
            Subject = ReportSubject.FromDataset(context.PetHeader),
            Document = new DocumentIdentity
            {
                SeriesInstanceUid = context.Identities.SegSeriesUid,
                SopInstanceUid = context.Identities.SegInstanceUid,
                SeriesNumber = context.SegSeriesNumber,
                InstanceNumber = context.InstanceNumber,
                SeriesDescription = "PacsNode PET VOIs",
            },
            ContentDateTime = context.ContentDateTime,
            Device = context.Device,
            ContentLabel = context.ReaderVois is null ? "LESIONS" : "READER_VOIS",
            ContentDescription = context.ReaderVois is null ? "Automatically detected lesions and liver reference" : "Reader VOIs and liver reference",
            Geometry = new SegmentationGeometry
            {
                Rows = geometry.Rows,
                Columns = geometry.Columns,
                RowSpacing = geometry.RowSpacing,
                ColumnSpacing = geometry.ColumnSpacing,
                ImageOrientationPatient = [geometry.RowDirection.X, geometry.RowDirection.Y, geometry.RowDirection.Z,
                    geometry.ColumnDirection.X, geometry.ColumnDirection.Y, geometry.ColumnDirection.Z],
                SliceThickness = thickness,
                SpacingBetweenSlices = geometry.SliceSpacing,
                FrameOfReferenceUid = series.FrameOfReferenceUid ?? string.Empty,
                SourceSeriesInstanceUid = context.PetInstances[0].SeriesInstanceUid,
                Slices = slices,
            },
            Segments = segments,
        };
    }

    private static DocumentIdentity SrIdentity(ReportContext context) => new()
    {
        SeriesInstanceUid = context.Identities.SrSeriesUid,
        SopInstanceUid = context.Identities.SrInstanceUid,
        SeriesNumber = context.SrSeriesNumber,
        InstanceNumber = context.InstanceNumber,
        SeriesDescription = "PacsNode PET measurement report",
    };

    private static List<SopReference> Evidence(ReportContext context, bool withSegmentation)
    {
        var evidence = new List<SopReference>(context.PetInstances);
        evidence.AddRange(context.CtInstances);
        if (context.ReaderVois is { } reader)
        {
            evidence.Add(reader);
        }

        if (withSegmentation)
        {
            evidence.Add(new SopReference(context.PetInstances[0].StudyInstanceUid, context.Identities.SegSeriesUid,
                DicomUid.SegmentationStorage, context.Identities.SegInstanceUid));
        }

        return evidence;
    }
}
