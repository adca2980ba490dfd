using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Pipeline.Reporting.Patient;
using PacsNode.Quantification.Assessment;
using PacsNode.StructuredReport.Content;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit.StructuredReports;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting.Patient;

/// <summary>What the node takes from a reader's SR: one class per lesion group, the observer, and nothing from its own SRs.</summary>
public sealed class ReaderHer2ReportsTests
{
    private const string LesionUid1 = "2.25.1001";
    private const string LesionUid2 = "2.25.1002";

    [Fact]
    public void Read_ReaderSrWithPersonObserver_OneClassPerGroupWithObserverSourceAndDate()
    {
        DicomFile sr = ReaderHer2Sr.Write(Header(), [("L1", LesionUid1, ReaderHer2Sr.Class("HER2-1")), ("L2", LesionUid2, ReaderHer2Sr.Class("HER2-3"))], "Reader^Anna");

        IReadOnlyList<ReaderHer2Class> classes = ReaderHer2Reports.Read(sr.Dataset);

        string uid = sr.Dataset.GetString(DicomTag.SOPInstanceUID)!;
        Assert.Equal(
            [new ReaderHer2Class(LesionUid1, "L1", 1, "Reader^Anna", uid, ReaderHer2Sr.ContentDateTime), new ReaderHer2Class(LesionUid2, "L2", 3, "Reader^Anna", uid, ReaderHer2Sr.ContentDateTime)],
            classes);
        Assert.False(ReaderHer2Reports.IsNodeOwn(sr.Dataset));
    }

    [Fact]
    public void Read_ValuesOutsideTheFourClasses_Skipped()
    {
        DicomFile sr = ReaderHer2Sr.Write(Header(),
            [("L1", LesionUid1, ReaderHer2Sr.Class("HER2-9")), ("L2", LesionUid2, new Code("HER2-3", "99OTHER", "class 3")), ("L3", "2.25.1003", ReaderHer2Sr.Class("HER2-2"))], null);

        ReaderHer2Class only = Assert.Single(ReaderHer2Reports.Read(sr.Dataset));

        Assert.Equal(("L3", 2), (only.TrackingIdentifier, only.Class));
    }

    [Fact]
    public void Read_NoPersonObserver_AuthorThenVerifyingObserverThenUnnamed()
    {
        DicomFile sr = ReaderHer2Sr.Write(Header(), [("L1", LesionUid1, ReaderHer2Sr.Class("HER2-4"))], null);
        Assert.Equal("unnamed reader", Assert.Single(ReaderHer2Reports.Read(sr.Dataset)).Observer);

        var verifier = new DicomDataset();
        verifier.SetString(DicomTag.VerifyingObserverName, DicomVR.PN, "Verifier^Vera");
        sr.Dataset.AddOrUpdate(new DicomSequence(DicomTag.VerifyingObserverSequence, [verifier]));
        Assert.Equal("Verifier^Vera", Assert.Single(ReaderHer2Reports.Read(sr.Dataset)).Observer);

        var author = new DicomDataset();
        author.SetString(DicomTag.PersonName, DicomVR.PN, "Author^Ada");
        sr.Dataset.AddOrUpdate(new DicomSequence(DicomTag.AuthorObserverSequence, [author]));
        Assert.Equal("Author^Ada", Assert.Single(ReaderHer2Reports.Read(sr.Dataset)).Observer);
    }

    [Fact]
    public void Read_SrWhoseManufacturerIsTheNode_NothingTaken()
    {
        DicomFile sr = ReaderHer2Sr.Write(Header(), [("L1", LesionUid1, ReaderHer2Sr.Class("HER2-4"))], "Reader^Anna", manufacturer: "PacsNode");

        Assert.True(ReaderHer2Reports.IsNodeOwn(sr.Dataset));
        Assert.Empty(ReaderHer2Reports.Read(sr.Dataset));
    }

    [Fact]
    public void Read_NotAnSrDocument_Throws()
    {
        DicomDataset header = Header();
        header.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.PositronEmissionTomographyImageStorage);

        Assert.Throws<Tid1500ReadException>(() => ReaderHer2Reports.Read(header));
    }

    private static DicomDataset Header()
    {
        var header = new DicomDataset();
        header.SetString(DicomTag.PatientName, DicomVR.PN, "Test^Patient");
        header.SetString(DicomTag.PatientID, DicomVR.LO, "P1");
        header.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1");
        header.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.10.1.1");
        return header;
    }
}
