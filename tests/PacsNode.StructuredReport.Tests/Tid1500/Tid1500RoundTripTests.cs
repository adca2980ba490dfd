using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Tid1500;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Tid1500;

public sealed class Tid1500RoundTripTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fdg")]
    [InlineData("zr")]
    public async Task WriteThenRead_Report_GivesBackEveryGroupAndMeasurement(string sample)
    {
        MeasurementReport report = Tid1500WriterInteropTests.Sample(sample);
        StoredReport read = await RoundTripAsync(report);

        Assert.Equal(report.Document.SopInstanceUid, read.SopInstanceUid);
        Assert.Equal(report.Document.SeriesInstanceUid, read.SeriesInstanceUid);
        Assert.Equal(ReportSamples.StudyUid, read.StudyInstanceUid);
        Assert.Equal(report.ContentDateTime, read.ContentDateTime);
        Assert.Equal(report.ContentDateTime.Offset, read.ContentDateTime!.Value.Offset);
        Assert.Equal(Concepts.ImagingMeasurementReport, read.DocumentTitle);
        Assert.Equal(report.ProcedureReported, read.ProcedureReported);
        Assert.Null(read.NotQuantified);
        Assert.Equal(report.Algorithm.Name, read.Algorithm!.Name);
        Assert.Equal(report.Algorithm.Version, read.Algorithm.Version);
        Assert.Equal(report.Algorithm.Parameters, read.Algorithm.Parameters);
        Assert.Equal(report.Notes, read.Notes);
        Assert.Equal(report.Evaluations, read.Evaluations);
        Assert.Equal(report.Groups.Count, read.Groups.Count);
        for (int i = 0; i < report.Groups.Count; i++)
        {
            MeasurementGroup written = report.Groups[i];
            StoredMeasurementGroup got = read.Groups[i];
            Assert.Equal(written.TrackingIdentifier, got.TrackingIdentifier);
            Assert.Equal(written.TrackingUid, got.TrackingUid);
            Assert.Equal(written.Finding, got.Finding);
            Assert.Equal(written.FindingSite, got.FindingSite);
            Assert.Equal(written.TimePoint, got.TimePoint);
            Assert.Equal(written.Segment, got.Segment);
            Assert.Equal(written.SourceSeriesInstanceUid, got.SourceSeriesInstanceUid);
            Assert.Equal(written.MeasurementMethod, got.MeasurementMethod);
            Assert.Equal(written.Measurements, got.Measurements);
            Assert.Equal(written.Evaluations, got.Evaluations);
        }
    }

    [Fact]
    public async Task WriteThenRead_ZirconiumReport_HasNoTlg()
    {
        StoredReport read = await RoundTripAsync(ReportSamples.Zirconium());
        Assert.All(read.Groups, g => Assert.Null(g.Find(Concepts.TotalLesionGlycolysis, null)));
        Assert.Equal(4.5, read.Groups[0].Find(Concepts.SuvBw, Concepts.Maximum)!.Value);
    }

    [Fact]
    public async Task WriteThenRead_NotQuantified_GivesTheReasonAndNoGroups()
    {
        MeasurementReport report = ReportSamples.NotQuantified();
        StoredReport read = await RoundTripAsync(report);
        Assert.Equal(report.NotQuantified, read.NotQuantified);
        Assert.Empty(read.Groups);
        Assert.Equal(report.Algorithm.Parameters, read.Algorithm!.Parameters);
        Assert.Empty(read.Evaluations);
    }

    [Fact]
    public async Task WriteThenRead_Predecessor_IsInThePredecessorDocumentsSequence()
    {
        var first = new SopReference(ReportSamples.StudyUid, ReportSamples.ReportSeriesUid, DicomUid.Comprehensive3DSRStorage, "2.25.3001");
        StoredReport read = await RoundTripAsync(ReportSamples.Fdg("2.25.3010", [first]));
        Assert.Equal([first], read.Predecessors);
    }

    [Fact]
    public void Write_LongUnitCode_GoesToLongCodeValue()
    {
        // "g/ml{SUVlbm(Janma)}" has 19 characters; Code Value is SH (16), so PS3.3 8.8 puts it in Long Code Value.
        DicomDataset dataset = Tid1500Writer.Write(ReportSamples.Fdg()).Dataset;
        DicomDataset group = dataset.GetSequence(DicomTag.ContentSequence)!.Items[^2].GetSequence(DicomTag.ContentSequence)!.Items[0];
        DicomDataset sul = group.GetSequence(DicomTag.ContentSequence)!.Items.First(i =>
            i.GetSequence(DicomTag.ConceptNameCodeSequence)!.Items[0].GetString(DicomTag.CodeValue) == "126405");
        DicomDataset unit = sul.GetSequence(DicomTag.MeasuredValueSequence)!.Items[0].GetSequence(DicomTag.MeasurementUnitsCodeSequence)!.Items[0];
        Assert.Null(unit.GetString(DicomTag.CodeValue));
        Assert.Equal("g/ml{SUVlbm(Janma)}", unit.GetString(DicomTag.LongCodeValue));
    }

    [Fact]
    public void Write_PrivateCodes_DeclareThe99PacsNodeScheme()
    {
        DicomDataset dataset = Tid1500Writer.Write(ReportSamples.NotQuantified()).Dataset;
        DicomDataset scheme = Assert.Single(dataset.GetSequence(DicomTag.CodingSchemeIdentificationSequence)!.Items);
        Assert.Equal("99PACSNODE", scheme.GetString(DicomTag.CodingSchemeDesignator));
        Assert.Equal("COMPLETE", dataset.GetString(DicomTag.CompletionFlag));
        Assert.Equal("UNVERIFIED", dataset.GetString(DicomTag.VerificationFlag));
        Assert.Equal("ISO_IR 100", dataset.GetString(DicomTag.SpecificCharacterSet));
        Assert.Equal("Müller^Anna", dataset.GetString(DicomTag.PatientName));
    }

    [Fact]
    public async Task Write_TextTheSourceCharacterSetLacks_SwitchesToUtf8AndKeepsIt()
    {
        // ISO_IR 100 (Latin-1) has no "≥"; writing the note in Latin-1 would turn it into "?".
        MeasurementReport report = ReportSamples.Fdg() with { Notes = ["SUVpeak ≥ 1.5 × liver SULmean + 2 SD"] };
        Assert.Equal("ISO_IR 192", Tid1500Writer.Write(report).Dataset.GetString(DicomTag.SpecificCharacterSet));
        StoredReport read = await RoundTripAsync(report);
        Assert.Equal(report.Notes, read.Notes);
    }

    [Fact]
    public void Write_AsciiOnlyWithoutSourceCharacterSet_WritesNone()
    {
        MeasurementReport report = ReportSamples.Fdg() with { Subject = ReportSamples.Subject with { PatientName = "Doe^Jane", SpecificCharacterSet = null } };
        Assert.False(Tid1500Writer.Write(report).Dataset.Contains(DicomTag.SpecificCharacterSet));
    }

    [Fact]
    public void Write_NotQuantifiedWithGroups_IsRefused()
    {
        MeasurementReport bad = ReportSamples.Fdg() with { NotQuantified = new NotQuantifiedReason("Volume", "Gap", "slice gap") };
        Assert.Throws<ArgumentException>(() => Tid1500Writer.Write(bad));
    }

    [Fact]
    public void Write_SegmentMissingFromEvidence_IsRefused()
    {
        MeasurementReport bad = ReportSamples.Fdg() with { Evidence = [.. ReportSamples.Evidence().Where(e => e.SopClassUid != DicomUid.SegmentationStorage)] };
        ArgumentException error = Assert.Throws<ArgumentException>(() => Tid1500Writer.Write(bad));
        Assert.Contains(ReportSamples.SegInstanceUid, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PetImage_ThrowsTid1500ReadException()
    {
        var pet = new DicomDataset();
        pet.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);
        pet.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.1");
        Tid1500ReadException error = Assert.Throws<Tid1500ReadException>(() => Tid1500Reader.Read(pet));
        Assert.Contains("not an SR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportSubject_FromPetHeader_CopiesPatientAndStudy()
    {
        var pet = new DicomDataset();
        pet.SetString(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        pet.SetString(DicomTag.PatientName, DicomVR.PN, "Doe^Jane");
        pet.SetString(DicomTag.PatientID, DicomVR.LO, "P1");
        pet.SetString(DicomTag.PatientSex, DicomVR.CS, "F");
        pet.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, "2.25.7");
        pet.SetString(DicomTag.AccessionNumber, DicomVR.SH, "A9");
        var subject = ReportSubject.FromDataset(pet);
        Assert.Equal(("Doe^Jane", "P1", "F", "2.25.7", "A9", "ISO_IR 100", string.Empty),
            (subject.PatientName, subject.PatientId, subject.PatientSex, subject.StudyInstanceUid, subject.AccessionNumber, subject.SpecificCharacterSet, subject.StudyDate));
    }

    private static async Task<StoredReport> RoundTripAsync(MeasurementReport report)
    {
        using var stream = new MemoryStream();
        await Tid1500Writer.Write(report).WriteAsync(stream, cancellationToken: Token);
        return Tid1500Reader.Read(DicomFile.Parse(stream.ToArray()).Dataset);
    }
}
