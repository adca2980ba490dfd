using System.Reflection;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Dictionary;

public sealed class DicomUidTests
{
    [Fact]
    public void LookupUid_PetImageStorage_ReturnsStorageSopClass()
    {
        DicomUidInfo? info = DicomUid.LookupUid(DicomUid.PositronEmissionTomographyImageStorage);

        Assert.Equal("1.2.840.10008.5.1.4.1.1.128", DicomUid.PositronEmissionTomographyImageStorage);
        Assert.NotNull(info);
        Assert.Equal("Positron Emission Tomography Image Storage", info.Name);
        Assert.Equal("PositronEmissionTomographyImageStorage", info.Keyword);
        Assert.Equal(DicomUidType.SopClass, info.Type);
        Assert.False(info.IsRetired);
        Assert.True(info.IsStorageSopClass);
    }

    [Theory]
    [InlineData(DicomUid.ImplicitVRLittleEndian, "1.2.840.10008.1.2", "Implicit VR Little Endian", false)]
    [InlineData(DicomUid.ExplicitVRLittleEndian, "1.2.840.10008.1.2.1", "Explicit VR Little Endian", false)]
    [InlineData(
        DicomUid.DeflatedExplicitVRLittleEndian, "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", false)]
    [InlineData(DicomUid.ExplicitVRBigEndian, "1.2.840.10008.1.2.2", "Explicit VR Big Endian", true)]
    [InlineData(DicomUid.JPEGLossless, "1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", false)]
    [InlineData(DicomUid.JPEGLosslessSV1, "1.2.840.10008.1.2.4.70",
        "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", false)]
    [InlineData(DicomUid.JPEGLSLossless, "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", false)]
    [InlineData(
        DicomUid.JPEG2000Lossless, "1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", false)]
    [InlineData(DicomUid.RLELossless, "1.2.840.10008.1.2.5", "RLE Lossless", false)]
    public void LookupUid_TransferSyntax_ReturnsTransferSyntax(string constant, string uid, string name, bool retired)
    {
        DicomUidInfo? info = DicomUid.LookupUid(uid);

        Assert.Equal(uid, constant);
        Assert.NotNull(info);
        Assert.Equal(name, info.Name);
        Assert.Equal(DicomUidType.TransferSyntax, info.Type);
        Assert.Equal(retired, info.IsRetired);
    }

    [Theory]
    [InlineData(DicomUid.EnhancedPETImageStorage, "1.2.840.10008.5.1.4.1.1.130")]
    [InlineData(DicomUid.ComprehensiveSRStorage, "1.2.840.10008.5.1.4.1.1.88.33")]
    [InlineData(DicomUid.Comprehensive3DSRStorage, "1.2.840.10008.5.1.4.1.1.88.34")]
    [InlineData(DicomUid.SegmentationStorage, "1.2.840.10008.5.1.4.1.1.66.4")]
    [InlineData(DicomUid.RTStructureSetStorage, "1.2.840.10008.5.1.4.1.1.481.3")]
    [InlineData(DicomUid.CTImageStorage, "1.2.840.10008.5.1.4.1.1.2")]
    public void LookupUid_StorageSopClass_IsStorageSopClass(string constant, string uid)
    {
        DicomUidInfo? info = DicomUid.LookupUid(uid);

        Assert.Equal(uid, constant);
        Assert.NotNull(info);
        Assert.Equal(DicomUidType.SopClass, info.Type);
        Assert.True(info.IsStorageSopClass);
    }

    [Theory]
    [InlineData(DicomUid.Verification, DicomUidType.SopClass)]
    [InlineData("1.2.840.10008.3.1.1.1", DicomUidType.ApplicationContextName)]
    [InlineData("1.2.840.10008.1.4.1.1", DicomUidType.WellKnownFrameOfReference)]
    [InlineData("1.2.840.10008.2.16.4", DicomUidType.CodingScheme)]
    [InlineData("1.2.840.10008.2.6.1", DicomUidType.CodingScheme)]
    [InlineData("1.2.840.10008.4.2", DicomUidType.ServiceClass)]
    [InlineData("1.2.840.10008.5.1.1.17", DicomUidType.WellKnownSopInstance)]
    [InlineData("1.2.840.10008.7.1.1", DicomUidType.ApplicationHostingModel)]
    [InlineData("1.2.840.10008.15.0.3.1", DicomUidType.LdapOid)]
    [InlineData("1.2.840.10008.15.1.1", DicomUidType.SynchronizationFrameOfReference)]
    public void LookupUid_TypeStrings_MapOntoDicomUidType(string uid, DicomUidType type)
    {
        Assert.Equal(type, DicomUid.LookupUid(uid)?.Type);
    }

    [Theory]
    [InlineData("1.2.840.10008.1.2.1\0")]
    [InlineData("1.2.840.10008.1.2.1 ")]
    public void LookupUid_PaddedValue_IgnoresPadding(string padded)
    {
        Assert.Equal("1.2.840.10008.1.2.1", DicomUid.LookupUid(padded)?.Uid);
    }

    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("")]
    [InlineData("1.2.840.10008.5.1.4.1.1.40")]
    public void LookupUid_Unknown_ReturnsNull(string uid)
    {
        Assert.Null(DicomUid.LookupUid(uid));
    }

    [Fact]
    public void GetName_KnownUid_ReturnsName()
    {
        Assert.Equal("Explicit VR Little Endian", DicomUid.GetName(DicomUid.ExplicitVRLittleEndian));
    }

    [Fact]
    public void GetName_UnknownUid_ReturnsUid()
    {
        Assert.Equal("1.2.826.0.1.3680043.2.1", DicomUid.GetName("1.2.826.0.1.3680043.2.1"));
    }

    [Fact]
    public void Constants_EveryGeneratedUid_HasEntryWithSameKeyword()
    {
        FieldInfo[] constants = typeof(DicomUid)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToArray();
        var mismatches = new List<string>();
        foreach (FieldInfo constant in constants)
        {
            string uid = (string)constant.GetRawConstantValue()!;
            if (DicomUid.LookupUid(uid)?.Keyword != constant.Name)
            {
                mismatches.Add($"{constant.Name} {uid}");
            }
        }

        Assert.Equal(DicomUid.All.Count(), constants.Length);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }
}
