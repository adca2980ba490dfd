using System.Reflection;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Lookup_PatientWeight_ReturnsDSWithVM1()
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag(0x0010, 0x1030));

        Assert.NotNull(entry);
        Assert.Equal(DicomTag.PatientWeight, entry.Tag);
        Assert.Equal(0xFFFFFFFFu, entry.Mask);
        Assert.Equal("PatientWeight", entry.Keyword);
        Assert.Equal("Patient's Weight", entry.Name);
        Assert.Equal([DicomVR.DS], entry.VRs);
        Assert.Equal("1", entry.VM);
        Assert.False(entry.IsRetired);
        Assert.Null(entry.PrivateCreator);
    }

    [Fact]
    public void Lookup_PixelData_ReturnsOBOrOW()
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(DicomTag.PixelData);

        Assert.NotNull(entry);
        Assert.Equal(new DicomTag(0x7FE0, 0x0010), entry.Tag);
        Assert.Equal([DicomVR.OB, DicomVR.OW], entry.VRs);
        Assert.True(entry.IsVRAmbiguous);
        Assert.Equal(DicomVR.OB, entry.VR);
    }

    [Fact]
    public void Lookup_OverlayDataInGroup6002_MatchesRepeatingGroupEntry()
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag(0x6002, 0x3000));

        Assert.NotNull(entry);
        Assert.Equal("OverlayData", entry.Keyword);
        Assert.Equal(new DicomTag(0x6000, 0x3000), entry.Tag);
        Assert.Equal(0xFF00FFFFu, entry.Mask);
        Assert.Equal([DicomVR.OB, DicomVR.OW], entry.VRs);
    }

    [Theory]
    [InlineData(0x60FE, 0x0010, "OverlayRows")]
    [InlineData(0x5004, 0x3000, "CurveData")]
    [InlineData(0x7F02, 0x0010, "VariablePixelData")]
    [InlineData(0x0020, 0x3105, "SourceImageIDs")]
    [InlineData(0x0028, 0x0412, "CoefficientCoding")]
    [InlineData(0x1000, 0x0013, "HuffmanTableTriplet")]
    [InlineData(0x1010, 0x0004, "ZonalMap")]
    public void Lookup_RepeatingOrMaskedTag_ReturnsMaskedEntry(int group, int element, string keyword)
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag((ushort)group, (ushort)element));

        Assert.NotNull(entry);
        Assert.Equal(keyword, entry.Keyword);
        Assert.NotEqual(0xFFFFFFFFu, entry.Mask);
        Assert.Equal(entry.Tag.Value, ((uint)group << 16 | (uint)element) & entry.Mask);
    }

    [Fact]
    public void Lookup_OddGroupWithOverlayElement_ReturnsNull()
    {
        // (6001,3000) is a private data element, not an overlay.
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x6001, 0x3000)));
    }

    [Theory]
    [InlineData(0x0009, 0x0010)]
    [InlineData(0x7053, 0x0010)]
    [InlineData(0x0071, 0x00FF)]
    public void Lookup_PrivateCreatorElement_ReturnsPrivateCreatorLO(int group, int element)
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag((ushort)group, (ushort)element));

        Assert.NotNull(entry);
        Assert.Same(DicomDictionary.PrivateCreator, entry);
        Assert.Equal("PrivateCreator", entry.Keyword);
        Assert.Equal(DicomVR.LO, entry.VR);
        Assert.Equal("1", entry.VM);
    }

    [Theory]
    [InlineData(0x0009, 0x1001)]
    [InlineData(0x0009, 0x0005)]
    [InlineData(0x0003, 0x0010)]
    public void Lookup_PrivateDataOrIllegalElement_ReturnsNull(int group, int element)
    {
        Assert.Null(DicomDictionary.Lookup(new DicomTag((ushort)group, (ushort)element)));
    }

    [Theory]
    [InlineData(0x0018)]
    [InlineData(0x0028)]
    [InlineData(0x0009)]
    [InlineData(0x6000)]
    [InlineData(0x1010)]
    public void Lookup_GroupLengthOfAnyGroup_ReturnsULGroupLength(int group)
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag((ushort)group, 0x0000));

        Assert.NotNull(entry);
        Assert.Same(DicomDictionary.GroupLength, entry);
        Assert.Equal("GroupLength", entry.Keyword);
        Assert.Equal([DicomVR.UL], entry.VRs);
        Assert.Equal("1", entry.VM);
    }

    [Theory]
    [InlineData(0x0000, "CommandGroupLength")]
    [InlineData(0x0002, "FileMetaInformationGroupLength")]
    public void Lookup_GroupLengthWithOwnEntry_ReturnsThatEntry(int group, string keyword)
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag((ushort)group, 0x0000));

        Assert.NotNull(entry);
        Assert.Equal(keyword, entry.Keyword);
        Assert.Equal(DicomVR.UL, entry.VR);
    }

    [Theory]
    [InlineData(0x0010, 0x0003)]
    [InlineData(0x0018, 0xFFFF)]
    [InlineData(0x6000, 0x9999)]
    public void Lookup_UnknownPublicTag_ReturnsNull(int group, int element)
    {
        Assert.Null(DicomDictionary.Lookup(new DicomTag((ushort)group, (ushort)element)));
    }

    [Theory]
    [InlineData(0xE000, "Item")]
    [InlineData(0xE00D, "ItemDelimitationItem")]
    [InlineData(0xE0DD, "SequenceDelimitationItem")]
    public void Lookup_ItemAndDelimiters_HaveNoVR(int element, string keyword)
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag(0xFFFE, (ushort)element));

        Assert.NotNull(entry);
        Assert.Equal(keyword, entry.Keyword);
        Assert.Empty(entry.VRs);
    }

    [Fact]
    public void Lookup_RetiredTag_IsRetired()
    {
        DicomDictionaryEntry? entry = DicomDictionary.Lookup(new DicomTag(0x0008, 0x0001));

        Assert.NotNull(entry);
        Assert.Equal("LengthToEnd", entry.Keyword);
        Assert.True(entry.IsRetired);
    }

    [Fact]
    public void Lookup_SameTagTwice_ReturnsSameInstance()
    {
        DicomDictionaryEntry? first = DicomDictionary.Lookup(DicomTag.StudyInstanceUID);

        Assert.Same(first, DicomDictionary.Lookup(DicomTag.StudyInstanceUID));
    }

    [Fact]
    public void FindExact_ConcurrentFirstUse_PublishesOneInstance()
    {
        var table = new PublicTagTable();
        var found = new DicomDictionaryEntry?[64];

        Parallel.For(0, found.Length, i => found[i] = table.FindExact(DicomTag.SeriesInstanceUID.Value));

        Assert.All(found, entry => Assert.Same(found[0], entry));
        Assert.Equal("SeriesInstanceUID", found[0]?.Keyword);
    }

    [Fact]
    public void LookupPrivate_GemsPetd01ScanDateTime_ReturnsDT()
    {
        DicomDictionaryEntry? entry = DicomDictionary.LookupPrivate("GEMS_PETD_01", new DicomTag(0x0009, 0x100D));

        Assert.NotNull(entry);
        Assert.Equal(DicomVR.DT, entry.VR);
        Assert.Equal("PET scan_datetime", entry.Name);
        Assert.Equal("GEMS_PETD_01", entry.PrivateCreator);
        Assert.Equal(new DicomTag(0x0009, 0x100D), entry.Tag);
        Assert.Equal(0xFFFF00FFu, entry.Mask);
    }

    [Theory]
    [InlineData(0x110D)]
    [InlineData(0xFF0D)]
    public void LookupPrivate_CreatorInAnotherBlock_MatchesOnLowByte(int element)
    {
        DicomDictionaryEntry? entry =
            DicomDictionary.LookupPrivate("GEMS_PETD_01", new DicomTag(0x0009, (ushort)element));

        Assert.NotNull(entry);
        Assert.Equal("PET scan_datetime", entry.Name);
    }

    [Fact]
    public void LookupPrivate_CreatorWithTrailingSpaces_Matches()
    {
        Assert.NotNull(DicomDictionary.LookupPrivate("GEMS_PETD_01  ", new DicomTag(0x0009, 0x100D)));
    }

    [Theory]
    [InlineData("gems_petd_01")]
    [InlineData(" GEMS_PETD_01")]
    [InlineData("GEMS_PETD_02")]
    [InlineData("")]
    public void LookupPrivate_OtherCreator_ReturnsNull(string creator)
    {
        Assert.Null(DicomDictionary.LookupPrivate(creator, new DicomTag(0x0009, 0x100D)));
    }

    [Theory]
    [InlineData(0x1000, "SUV Scale Factor")]
    [InlineData(0x1009, "Activity Concentration Scale Factor")]
    public void LookupPrivate_PhilipsPetScaleFactors_ReturnDS(int element, string name)
    {
        DicomDictionaryEntry? entry =
            DicomDictionary.LookupPrivate("Philips PET Private Group", new DicomTag(0x7053, (ushort)element));

        Assert.NotNull(entry);
        Assert.Equal([DicomVR.DS], entry.VRs);
        Assert.Equal(name, entry.Name);
        Assert.Equal("1", entry.VM);
    }

    [Fact]
    public void LookupPrivate_SiemensDecayCorrectionDateTime_ReturnsDT()
    {
        DicomDictionaryEntry? entry = DicomDictionary.LookupPrivate("SIEMENS MED PT", new DicomTag(0x0071, 0x1022));

        Assert.NotNull(entry);
        Assert.Equal([DicomVR.DT], entry.VRs);
        Assert.Equal("Decay Correction DateTime", entry.Name);
        Assert.Equal("DecayCorrectionDateTime", entry.Keyword);
        Assert.Equal("1", entry.VM);
    }

    [Theory]
    [InlineData(0x0010, 0x1030)]
    [InlineData(0x0009, 0x0010)]
    [InlineData(0x0009, 0x0000)]
    [InlineData(0x0009, 0x0F0D)]
    public void LookupPrivate_NotAPrivateDataElement_ReturnsNull(int group, int element)
    {
        Assert.Null(DicomDictionary.LookupPrivate("GEMS_PETD_01", new DicomTag((ushort)group, (ushort)element)));
    }

    [Fact]
    public void LookupPrivate_NullCreator_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DicomDictionary.LookupPrivate(null!, new DicomTag(0x0009, 0x100D)));
    }

    [Fact]
    public void PrivateEntries_Creators_AreThePetVendorBlocks()
    {
        string[] creators =
            [.. DicomDictionary.PrivateEntries.Select(e => e.PrivateCreator!).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(["GEMS_PETD_01", "Philips PET Private Group", "SIEMENS MED PT"], creators);
    }

    [Fact]
    public void LookupKeyword_PatientWeight_ReturnsEntry()
    {
        DicomDictionaryEntry? entry = DicomDictionary.LookupKeyword("PatientWeight");

        Assert.NotNull(entry);
        Assert.Equal(new DicomTag(0x0010, 0x1030), entry.Tag);
        Assert.Same(DicomDictionary.Lookup(entry.Tag), entry);
    }

    [Fact]
    public void LookupKeyword_RepeatingGroupKeyword_ReturnsMaskedEntry()
    {
        DicomDictionaryEntry? entry = DicomDictionary.LookupKeyword("OverlayData");

        Assert.NotNull(entry);
        Assert.Equal(new DicomTag(0x6000, 0x3000), entry.Tag);
        Assert.Equal(0xFF00FFFFu, entry.Mask);
    }

    [Theory]
    [InlineData("patientweight")]
    [InlineData("NoSuchKeyword")]
    [InlineData("")]
    [InlineData("GroupLength")]
    public void LookupKeyword_Unknown_ReturnsNull(string keyword)
    {
        Assert.Null(DicomDictionary.LookupKeyword(keyword));
    }

    [Fact]
    public void PublicEntries_All_ParseWithKnownVRs()
    {
        DicomDictionaryEntry[] entries = [.. DicomDictionary.PublicEntries];

        Assert.Equal(4904 + 88, entries.Length);
        Assert.All(entries, e => Assert.All(e.VRs, vr => Assert.Contains(vr, DicomVRInfo.All)));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.VM)));
    }

    [Fact]
    public void NamedTags_EveryGeneratedTag_HasEntryWithSameKeyword()
    {
        PropertyInfo[] named = typeof(DicomTag)
            .GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DicomTag))
            .ToArray();
        var mismatches = new List<string>();
        foreach (PropertyInfo property in named)
        {
            var tag = (DicomTag)property.GetValue(null)!;
            DicomDictionaryEntry? entry = DicomDictionary.Lookup(tag);
            if (entry is null || entry.Keyword != property.Name || entry.Mask != 0xFFFFFFFF)
            {
                mismatches.Add($"{property.Name} {tag} -> {entry?.Keyword ?? "(none)"}");
            }
        }

        Assert.True(named.Length > 4800, $"only {named.Length} named tags");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }
}
