using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Host.Commands;
using Xunit;

namespace PacsNode.Host.Tests.Commands;

public sealed class QueryRetrieveArgumentsTests
{
    [Fact]
    public void Parse_FindscuStyleLine_PeerModelLevelAndKeys()
    {
        var parsed = QueryRetrieveArguments.Parse(
            ["-P", "ARCHIVE@10.0.0.5:104", "-L", "series", "-k", "PatientID=P1", "-k", "0020,000e", "-k", "StudyDate=20240101-", "--aet", "ME"]);

        Assert.Equal(("ARCHIVE", "10.0.0.5", 104), (parsed.CalledAeTitle, parsed.Host, parsed.Port));
        Assert.Equal("ME", parsed.CallingAeTitle);
        Assert.True(parsed.PatientRoot);
        DicomDataset identifier = parsed.Identifier;
        Assert.Equal("SERIES", identifier.GetString(DicomTag.QueryRetrieveLevel));
        Assert.Equal("P1", identifier.GetString(DicomTag.PatientID));
        Assert.Equal(DicomVR.UI, ((DicomElement)identifier.Get(DicomTag.SeriesInstanceUID)!).VR);
        Assert.Equal(0, ((DicomElement)identifier.Get(DicomTag.SeriesInstanceUID)!).Length);
        Assert.Equal(DicomVR.DA, ((DicomElement)identifier.Get(DicomTag.StudyDate)!).VR);
        Assert.Equal("20240101-", identifier.GetString(DicomTag.StudyDate));
    }

    [Fact]
    public void Parse_NoLevel_StudyRootAtStudyLevel()
    {
        var parsed = QueryRetrieveArguments.Parse(["A@h:1", "--dest", "X"], "--dest");

        Assert.False(parsed.PatientRoot);
        Assert.Equal("STUDY", parsed.Identifier.GetString(DicomTag.QueryRetrieveLevel));
        Assert.Equal("X", parsed.Extra["--dest"]);
    }

    [Theory]
    [InlineData("nohost")]
    [InlineData("AE@host")]
    [InlineData("AE@host:0")]
    [InlineData("@host:104")]
    [InlineData("SEVENTEEN-CHARS-X@host:104")]
    public void Parse_BadPeer_UsageError(string peer) =>
        Assert.Throws<UsageException>(() => QueryRetrieveArguments.Parse([peer]));

    [Theory]
    [InlineData("-k", "NotAKeyword=1")]
    [InlineData("-k", "ReferencedSeriesSequence")]
    [InlineData("-L", "FRAME")]
    [InlineData("--dest", "X")]
    public void Parse_BadOption_UsageError(string option, string value) =>
        Assert.Throws<UsageException>(() => QueryRetrieveArguments.Parse(["A@h:104", option, value]));
}
