using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.StructuredReport.Documents;
using PacsNode.StructuredReport.Segmentation;
using PacsNode.StructuredReport.Tid1500;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.StructuredReport.Tests.Tid1500;

/// <summary>The subject copied from a real scanner's PET header (Siemens Biograph mCT, SOURCES.md section 2) into an SR and a SEG.</summary>
[Trait("Category", "Interop")]
public sealed class RealPetHeaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteFromRealPetSubject_SrAndSeg_PassDciodvfyAndFileIntoThePetStudy()
    {
        RequiresTool.SharedTestData();
        DicomFile pet = await DicomFile.OpenAsync(TestData.Path("orthanc-tests", "2020-11-16-SalimKanounAnonymization.dcm"), cancellationToken: Token);
        var subject = ReportSubject.FromDataset(pet.Dataset);
        Assert.Equal(pet.Dataset.GetString(DicomTag.StudyInstanceUID), subject.StudyInstanceUid);
        Assert.Equal(pet.Dataset.GetString(DicomTag.PatientID), subject.PatientId);

        using var temp = new TempDirectory("real");
        string sr = temp.Combine("sr.dcm");
        string seg = temp.Combine("seg.dcm");
        DicomFile report = Tid1500Writer.Write(ReportSamples.Fdg() with { Subject = subject });
        await report.SaveAsync(sr, cancellationToken: Token);
        await SegmentationWriter.Write(SegmentationSamples.Input() with { Subject = subject }).SaveAsync(seg, cancellationToken: Token);

        // The anonymiser left this PET with an empty StudyID and a PatientName of digits; both are copied faithfully,
        // and dciodvfy says the same of the source file itself.
        string[] fromSource = ["needed to build DICOMDIR - Study ID", "Retired Person Name form"];
        await Dciodvfy.AssertValidAsync(sr, [Dciodvfy.PrivateSchemeWarning, .. fromSource], Token);
        await Dciodvfy.AssertValidAsync(seg, fromSource, Token);
        DicomFile reread = await DicomFile.OpenAsync(sr, cancellationToken: Token);
        foreach (DicomTag tag in new[] { DicomTag.PatientName, DicomTag.PatientID, DicomTag.PatientBirthDate, DicomTag.PatientSex, DicomTag.StudyInstanceUID, DicomTag.StudyDate, DicomTag.StudyTime, DicomTag.AccessionNumber, DicomTag.StudyID })
        {
            Assert.Equal(pet.Dataset.GetString(tag) ?? string.Empty, reread.Dataset.GetString(tag));
        }
    }
}
