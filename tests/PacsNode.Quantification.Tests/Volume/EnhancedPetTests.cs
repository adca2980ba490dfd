using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;
using PacsNode.Quantification.Suv;
using PacsNode.Quantification.Tests.Phantoms;
using PacsNode.Quantification.Tests.Support;
using PacsNode.Quantification.Volume;
using PacsNode.TestKit;
using Xunit;

namespace PacsNode.Quantification.Tests.Volume;

/// <summary>
/// Enhanced PET read through its functional groups: the phantom's 48 classic slices converted by hand into one
/// multi-frame dataset (frames in reverse order) must give the classic path's SUV factors and voxels exactly.
/// </summary>
public sealed class EnhancedPetTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<DicomFile>> ClassicAsync(string folder)
    {
        var files = new List<DicomFile>();
        foreach (string path in Directory.GetFiles(folder, "*.dcm").Order(StringComparer.Ordinal))
        {
            files.Add(await DicomFile.OpenAsync(path, null, Token));
        }

        return files;
    }

    [Fact]
    public async Task PhantomAsEnhancedPet_SameFactorsAndVoxelsAsClassic()
    {
        using var temp = new TempDirectory("enhanced");
        PhantomResult phantom = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> classic = await ClassicAsync(phantom.PetFolder);
        int[] order = [.. Enumerable.Range(0, classic.Count).Reverse()];
        DicomFile enhanced = EnhancedPetConverter.Convert([.. classic.Select(f => f.Dataset)], order);
        Assert.False(enhanced.Dataset.Contains(DicomTag.ImagePositionPatient));
        Assert.False(enhanced.Dataset.Contains(DicomTag.DecayCorrection));

        SuvResult classicSuv = SuvCalculator.Calculate([.. classic.Select(f => f.Dataset)]);
        SuvResult enhancedSuv = SuvCalculator.Calculate([enhanced.Dataset]);

        Assert.True(classicSuv.IsSuccess, classicSuv.ToString());
        Assert.True(enhancedSuv.IsSuccess, enhancedSuv.ToString());
        Assert.Equal(classic.Count, enhancedSuv.Factors.Slices.Count);
        Assert.Equal(classicSuv.Factors.SeriesFactorBw, enhancedSuv.Factors.SeriesFactorBw);
        Assert.Equal(phantom.Truth.SuvBwFactor, enhancedSuv.Factors.SeriesFactorBw!.Value, phantom.Truth.SuvBwFactor * 1e-6);
        Assert.Equal(classicSuv.Factors.Provenance.ReferenceTimeSource, enhancedSuv.Factors.Provenance.ReferenceTimeSource);
        for (int f = 0; f < order.Length; f++)
        {
            SuvSliceFactor frame = enhancedSuv.Factors.Slices[f];
            SuvSliceFactor slice = classicSuv.Factors.Slices[order[f]];
            Assert.Equal(slice.RescaleSlope, frame.RescaleSlope);
            Assert.Equal(slice.FactorBw, frame.FactorBw);
        }

        VolumeResult<SuvVolume> classicVolume = await SuvVolumeBuilder.BuildAsync(classic, classicSuv.Factors, SuvNormalisation.BodyWeight, Token);
        VolumeResult<SuvVolume> enhancedVolume = await SuvVolumeBuilder.BuildAsync([enhanced], enhancedSuv.Factors, SuvNormalisation.BodyWeight, Token);

        Assert.True(classicVolume.IsSuccess, classicVolume.ToString());
        Assert.True(enhancedVolume.IsSuccess, enhancedVolume.ToString());
        VolumeGeometry c = classicVolume.Value.Geometry, e = enhancedVolume.Value.Geometry;
        Assert.Equal((c.Columns, c.Rows, c.SliceCount, c.Origin, c.SliceSpacing), (e.Columns, e.Rows, e.SliceCount, e.Origin, e.SliceSpacing));
        Assert.Equal([.. c.SliceOrder.Select(i => order.Length - 1 - i)], e.SliceOrder);
        Assert.Equal(classicVolume.Value.Voxels, enhancedVolume.Value.Voxels);
        PhantomSphereTruth sphere = phantom.Truth.Spheres[0];
        Assert.Equal(sphere.CentreSuv, enhancedVolume.Value[sphere.CentreVoxel.X, sphere.CentreVoxel.Y, sphere.CentreVoxel.Z], 1e-4);
    }

    [Fact]
    public async Task EnhancedPetPart10File_HeadersOnlyFactorsAndFullReadVoxels_MatchClassic()
    {
        using var temp = new TempDirectory("enhanced");
        PhantomResult phantom = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> classic = await ClassicAsync(phantom.PetFolder);
        DicomFile converted = EnhancedPetConverter.Convert([.. classic.Select(f => f.Dataset)], [.. Enumerable.Range(0, classic.Count)]);
        var meta = new DicomDataset(classic[0].FileMetaInformation);
        meta.SetString(DicomTag.MediaStorageSOPClassUID, DicomVR.UI, DicomUid.EnhancedPETImageStorage);
        meta.SetString(DicomTag.MediaStorageSOPInstanceUID, DicomVR.UI, converted.Dataset.GetString(DicomTag.SOPInstanceUID)!);
        string path = temp.Combine("enhanced.dcm");
        await new DicomFile(meta, converted.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian).SaveAsync(path, null, Token);

        DicomFile headers = await DicomFile.OpenAsync(path, new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, Token);
        // Pixel data left on disk, as a large series would be read.
        DicomFile full = await DicomFile.OpenAsync(path, new DicomReaderOptions { FileBackedThreshold = 4096 }, Token);
        Assert.False(((DicomElement)full.Dataset.Get(DicomTag.PixelData)!).Buffer.IsInMemory);
        SuvResult suv = SuvCalculator.Calculate([headers.Dataset]);
        Assert.True(suv.IsSuccess, suv.ToString());
        VolumeResult<SuvVolume> volume = await SuvVolumeBuilder.BuildAsync([full], suv.Factors, SuvNormalisation.BodyWeight, Token);
        SuvResult classicSuv = SuvCalculator.Calculate([.. classic.Select(f => f.Dataset)]);
        VolumeResult<SuvVolume> classicVolume = await SuvVolumeBuilder.BuildAsync(classic, classicSuv.Factors!, SuvNormalisation.BodyWeight, Token);

        Assert.True(volume.IsSuccess, volume.ToString());
        Assert.Equal(classicSuv.Factors!.SeriesFactorBw, suv.Factors.SeriesFactorBw);
        Assert.Equal(classicVolume.Value!.Voxels, volume.Value.Voxels);
    }

    [Fact]
    public async Task EnhancedPetFrames_CarryFrameContentTimesAndDurations()
    {
        using var temp = new TempDirectory("enhanced");
        PhantomResult phantom = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> classic = await ClassicAsync(phantom.PetFolder);
        DicomFile enhanced = EnhancedPetConverter.Convert([.. classic.Select(f => f.Dataset)], [0, classic.Count - 1]);

        Assert.True(EnhancedPetFrames.TryExpand([enhanced.Dataset], out IReadOnlyList<DicomDataset> frames, out string? error), error);

        Assert.Equal(2, frames.Count);
        DicomDataset last = classic[^1].Dataset;
        Assert.Equal(last.GetString(DicomTag.AcquisitionTime)!.Trim(), frames[1].GetString(DicomTag.AcquisitionTime));
        Assert.Equal(last.GetString(DicomTag.ImagePositionPatient), frames[1].GetString(DicomTag.ImagePositionPatient));
        Assert.Equal(last.GetString(DicomTag.ActualFrameDuration)!.Trim(), frames[1].GetString(DicomTag.ActualFrameDuration));
        Assert.Equal("START", frames[1].GetString(DicomTag.DecayCorrection));
        Assert.Equal(classic[0].Dataset.GetString(DicomTag.PixelSpacing), frames[0].GetString(DicomTag.PixelSpacing));
    }

    [Fact]
    public async Task PetSeriesReference_EnhancedFrames_ListedWithoutSopInstanceUid()
    {
        using var temp = new TempDirectory("enhanced");
        PhantomResult phantom = await SmallPhantom.WriteAsync(SmallPhantom.Spec(PhantomTracer.Fdg), temp.FullPath);
        List<DicomFile> classic = await ClassicAsync(phantom.PetFolder);
        DicomFile enhanced = EnhancedPetConverter.Convert([.. classic.Select(f => f.Dataset)], [.. Enumerable.Range(0, classic.Count)]);
        VolumeResult<VolumeGeometry> geometry = VolumeAssembler.Assemble([enhanced.Dataset]);
        Assert.True(geometry.IsSuccess, geometry.ToString());

        var reference = PacsNode.Quantification.Vois.PetSeriesReference.From([enhanced.Dataset], geometry.Value);

        Assert.Equal(classic.Count, reference.SopInstanceUidsByZ.Count);
        Assert.All(reference.SopInstanceUidsByZ, Assert.Null);
        Assert.Equal(-1, reference.SliceOf("2.25.31415926"));
        Assert.Equal(phantom.Truth.FrameOfReferenceUid, reference.FrameOfReferenceUid);
    }

    [Fact]
    public void DecayCorrectedNo_MapsToNone()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.Remove(DicomTag.DecayCorrection);
        slice.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.EnhancedPETImageStorage);
        slice.SetString(DicomTag.NumberOfFrames, DicomVR.IS, "1");
        slice.SetString(DicomTag.DecayCorrected, DicomVR.CS, "NO");
        slice.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, [new DicomDataset()]));

        Assert.True(EnhancedPetFrames.TryExpand([slice], out IReadOnlyList<DicomDataset> frames, out string? error), error);

        Assert.Equal("NONE", Assert.Single(frames).GetString(DicomTag.DecayCorrection));
    }

    [Fact]
    public void MultiFrameOfAnotherSopClass_RefusedBySuvCalculator()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.CTImageStorage);
        slice.SetString(DicomTag.NumberOfFrames, DicomVR.IS, "4");

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.Equal(SuvFailureReason.InvalidAttribute, result.Failure?.Reason);
        Assert.Contains(DicomUid.CTImageStorage, result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameCountDisagreeingWithPerFrameGroups_Refused()
    {
        var d = new DicomDataset();
        d.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.EnhancedPETImageStorage);
        d.SetString(DicomTag.NumberOfFrames, DicomVR.IS, "3");
        d.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, [new DicomDataset(), new DicomDataset()]));

        VolumeResult<VolumeGeometry> result = VolumeAssembler.Assemble([d]);

        Assert.Equal(VolumeFailureReason.MultiFrameNotSupported, result.Failure?.Reason);
        Assert.Contains("NumberOfFrames 3", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnhancedPetWithDecayCorrectionToAnotherTime_RefusedNamingDecayCorrection()
    {
        DicomDataset slice = SyntheticPet.Slice();
        slice.Remove(DicomTag.DecayCorrection);
        slice.SetString(DicomTag.SOPClassUID, DicomVR.UI, DicomUid.EnhancedPETImageStorage);
        slice.SetString(DicomTag.NumberOfFrames, DicomVR.IS, "1");
        slice.SetString(DicomTag.DecayCorrected, DicomVR.CS, "YES");
        slice.SetString(DicomTag.DecayCorrectionDateTime, DicomVR.DT, "20250101103000");
        slice.AddOrUpdate(new DicomSequence(DicomTag.PerFrameFunctionalGroupsSequence, [new DicomDataset()]));

        SuvResult result = SuvCalculator.Calculate([slice]);

        Assert.False(result.IsSuccess);
        Assert.Contains("DecayCorrection", result.Failure!.Message, StringComparison.Ordinal);
    }
}
