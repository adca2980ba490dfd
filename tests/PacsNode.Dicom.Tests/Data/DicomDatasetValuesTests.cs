using PacsNode.Dicom.Data;
using PacsNode.Dicom.Data.Values;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Dicom.Tests.Data;

public sealed class DicomDatasetValuesTests
{
    private static DicomDataset Parse(DicomBytes body) =>
        DicomFile.Parse([.. DicomBytes.Part10Header("1.2.840.10008.1.2.1"), .. body.ToArray()]).Dataset;

    [Fact]
    public async Task TryGetDouble_GeDoseWithLeadingSpaces_ParsesTheValue()
    {
        RequiresTool.SharedTestData();
        DicomFile file = await DicomFile.OpenAsync(TestData.Path("fo-dicom", "GH184.dcm"),
            cancellationToken: TestContext.Current.CancellationToken);
        DicomDataset info = file.Dataset.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)!.Items[0];
        Assert.True(info.TryGetDouble(DicomTag.RadionuclideTotalDose, out double dose));
        Assert.Equal(474592928d, dose);
        Assert.True(info.TryGetTime(DicomTag.RadiopharmaceuticalStartTime, out DicomTime start));
        Assert.Equal((9, 32, 0), (start.Hour, start.Minute, start.Second));
    }

    [Fact]
    public async Task GetPrivateCreator_GePetFile_ResolvesScanTimeThroughItsCreator()
    {
        RequiresTool.SharedTestData();
        DicomFile file = await DicomFile.OpenAsync(TestData.Path("fo-dicom", "GH184.dcm"),
            cancellationToken: TestContext.Current.CancellationToken);
        DicomTag? scanTime = file.Dataset.ResolvePrivateTag("GEMS_PETD_01", 0x0009, 0x0D);
        Assert.Equal(new DicomTag(0x0009, 0x100D), scanTime);
        Assert.Equal(DicomVR.DT, file.Dataset.Get(scanTime!.Value)!.VR);
        Assert.True(file.Dataset.TryGetDateTime(scanTime.Value, out DicomDateTime when));
        Assert.Equal((2014, 10, 23, 11, 0, 36), (when.Year, when.Month, when.Day, when.Hour, when.Minute, when.Second));
    }

    [Fact]
    public void GetStrings_MultiValuedDS_SplitsAndTrims()
    {
        DicomDataset ds = Parse(new DicomBytes().Text(0x0020, 0x0037, "DS", " 1\\0\\0 \\0\\1\\0"));
        Assert.Equal(["1", "0", "0", "0", "1", "0"], ds.GetStrings(DicomTag.ImageOrientationPatient));
        Assert.Equal([1d, 0, 0, 0, 1, 0], ds.GetDoubles(DicomTag.ImageOrientationPatient)!);
    }

    [Fact]
    public void GetDoubles_OneValueGarbage_ReturnsNullNotZero()
    {
        DicomDataset ds = Parse(new DicomBytes().Text(0x0028, 0x0030, "DS", "4.0\\abc"));
        Assert.Null(ds.GetDoubles(DicomTag.PixelSpacing));
    }

    [Fact]
    public void GetString_Latin1PatientName_DecodesWithSpecificCharacterSet()
    {
        DicomDataset ds = Parse(new DicomBytes()
            .Text(0x0008, 0x0005, "CS", "ISO_IR 100")
            .Element(0x0010, 0x0010, "PN", [.. "M"u8, 0xFC, .. "ller^J"u8, 0xF6, .. "rg"u8]));
        Assert.Equal("Müller^Jörg", ds.GetString(DicomTag.PatientName));
        Assert.True(ds.TryGetPersonName(DicomTag.PatientName, out DicomPersonName? name));
        Assert.Equal("Müller", name.FamilyName);
    }

    [Fact]
    public void GetString_ItemWithoutCharacterSet_InheritsTheParents()
    {
        DicomDataset ds = Parse(new DicomBytes()
            .Text(0x0008, 0x0005, "CS", "ISO_IR 192")
            .Header(0x0008, 0x1110, "SQ", DicomBytes.Undefined)
            .Item()
            .Element(0x0010, 0x0010, "PN", "山田^太郎"u8.ToArray())
            .ItemEnd()
            .SequenceEnd());
        DicomDataset item = ds.GetSequence(new DicomTag(0x0008, 0x1110))!.Items[0];
        Assert.Equal("山田^太郎", item.GetString(DicomTag.PatientName)?.TrimEnd());
    }

    [Fact]
    public void TryGetInt32_BinaryAndIntegerString_ReadBoth()
    {
        DicomDataset ds = Parse(new DicomBytes().Text(0x0020, 0x0013, "IS", " +42 ").US(0x0028, 0x0010, 512));
        Assert.True(ds.TryGetInt32(DicomTag.InstanceNumber, out int instance));
        Assert.Equal(42, instance);
        Assert.True(ds.TryGetInt32(DicomTag.Rows, out int rows));
        Assert.Equal(512, rows);
        Assert.False(ds.TryGetInt32(DicomTag.Columns, out _));
    }
}
