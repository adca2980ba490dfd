using System.Buffers;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Dicom.IO.Buffers;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.IO;

public sealed class DicomDatasetCodecTests
{
    [Fact]
    public void Encode_ImplicitLittleEndianWithGroupLength_ComputesTheGroupLength()
    {
        var dataset = new DicomDataset();
        dataset.AddOrUpdate(new DicomElement(DicomTag.CommandGroupLength, DicomVR.UL, DicomBuffer.FromBytes(new byte[4])));
        dataset.SetString(DicomTag.AffectedSOPClassUID, DicomVR.UI, "1.2.840.10008.1.1");
        dataset.AddOrUpdate(new DicomElement(DicomTag.CommandField, DicomVR.US, DicomBuffer.FromBytes(new byte[] { 0x30, 0x00 })));

        byte[] bytes = DicomDatasetCodec.Encode(dataset, DicomTransferSyntax.ImplicitVRLittleEndian);

        // (0000,0000) UL 4: the group after it is 8+18 (UID padded with NUL to even) + 8+2 = 36 = 0x24.
        Assert.Equal(Convert.FromHexString(
            "00000000" + "04000000" + "24000000" +
            "00000200" + "12000000" + "312E322E3834302E31303030382E312E3100" +
            "00000001" + "02000000" + "3000"), bytes);
    }

    [Fact]
    public void Decode_ImplicitBytes_ReadsElementsWithDictionaryVRs()
    {
        byte[] bytes = new DicomBytes(explicitVR: false).US(0x0000, 0x0100, 0x8030).US(0x0000, 0x0900, 0).ToArray();

        DicomDataset dataset = DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.ImplicitVRLittleEndian);

        Assert.True(dataset.TryGetInt32(DicomTag.CommandField, out int field));
        Assert.Equal(0x8030, field);
        Assert.Equal(DicomVR.US, ((DicomElement)dataset.Get(DicomTag.Status)!).VR);
    }

    [Fact]
    public void Decode_ValueCutShort_ThrowsLengthExceedsRemaining()
    {
        byte[] bytes = new DicomBytes(explicitVR: false).US(0x0000, 0x0100, 1).ToArray()[..9];

        var ex = Assert.Throws<DicomParseException>(() =>
            DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.ImplicitVRLittleEndian));

        Assert.Equal(DicomParseError.LengthExceedsRemaining, ex.Error);
    }

    [Fact]
    public void EncodeDecode_ExplicitLittleEndian_RoundTrips()
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTag.PatientName, DicomVR.PN, "Doe^Jon");

        byte[] bytes = DicomDatasetCodec.Encode(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        DicomDataset back = DicomDatasetCodec.Decode(new ReadOnlySequence<byte>(bytes), DicomTransferSyntax.ExplicitVRLittleEndian);

        Assert.Equal("Doe^Jon", back.GetString(DicomTag.PatientName));
    }
}
