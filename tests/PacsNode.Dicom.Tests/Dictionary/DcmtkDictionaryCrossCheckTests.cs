using System.Globalization;
using System.Text.RegularExpressions;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Dictionary;

/// <summary>
/// Checks our dictionary (generated from pydicom's PS3.6 2022a tables) against DCMTK's, an independent
/// source: /usr/share/libdcmtk17/dicom.dic from Debian's libdcmtk17 (DCMTK 3.6.7, PS3.6 2022b).
/// dicom.dic has one tab-separated line per tag: (gggg,eeee), VR, name, VM, version. The name is the PS3.6
/// keyword, prefixed "RETIRED_" when retired. Ranges such as (6000-60FF,3000) stand for even groups only,
/// "-o-" for odd and "-u-" for all. Besides the PS3.5 VRs it uses internal ones (DCMTK's dcvr.h):
/// xs = US or SS, ox = OB or OW, px = pixel data OB or OW, lt = US, SS or OW (LUT data), up = UL used as a
/// DICOMDIR offset, na = no VR (items and delimiters).
/// </summary>
public sealed partial class DcmtkDictionaryCrossCheckTests
{
    private const string DicomDicPath = "/usr/share/libdcmtk17/dicom.dic";

    /// <summary>
    /// Every known disagreement, listed: DCMTK 3.6.7's dictionary is from PS3.6 2022b, pydicom 2.3.1's from
    /// 2022a. A listed difference that is no longer seen also fails, so the list stays honest.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        // Added to PS3.6 after 2022a (CP-2169 / Sup 222-223, whole slide image pyramids): absent from pydicom 2.3.1.
        ["(0006,0001) missing"] = "CurrentFrameFunctionalGroupsSequence, PS3.6 2022b",
        ["(0008,0017) missing"] = "AcquisitionUID, PS3.6 2022b",
        ["(0008,0019) missing"] = "PyramidUID, PS3.6 2022b",
        ["(0008,1088) missing"] = "PyramidDescription, PS3.6 2022b",
        ["(0020,0027) missing"] = "PyramidLabel, PS3.6 2022b",

        // pydicom marks these retired; DCMTK 3.6.7 lists them as current.
        ["(2130,00A0) retired"] = "ProposedStudySequence",
        ["(2130,00C0) retired"] = "OriginalImageSequence",
    };

    [Fact]
    public void Lookup_EveryNonRepeatingDcmtkTag_AgreesOnVRKeywordVMAndRetirement()
    {
        SkipUnlessDicomDicExists();

        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int compared = 0;
        foreach (DcmtkEntry dcmtk in ReadDicomDic())
        {
            Match match = SingleTag().Match(dcmtk.Tag);
            if (!match.Success)
            {
                continue;
            }

            var tag = new DicomTag(Hex(match.Groups[1].Value), Hex(match.Groups[2].Value));
            compared++;
            DicomDictionaryEntry? ours = DicomDictionary.Lookup(tag);
            if (ours is null)
            {
                differences[$"{tag} missing"] = $"DCMTK {dcmtk.Name} {dcmtk.VR} {dcmtk.VM}";
                continue;
            }

            if (!VRsAgree(dcmtk.VR, ours.VRs))
            {
                differences[$"{tag} VR"] = $"DCMTK {dcmtk.VR}, ours {FormatVRs(ours.VRs)}";
            }

            if (dcmtk.Keyword != ours.Keyword)
            {
                differences[$"{tag} keyword"] = $"DCMTK {dcmtk.Keyword}, ours {ours.Keyword}";
            }

            if (dcmtk.VM != ours.VM)
            {
                differences[$"{tag} VM"] = $"DCMTK {dcmtk.VM}, ours {ours.VM}";
            }

            if (dcmtk.IsRetired != ours.IsRetired)
            {
                differences[$"{tag} retired"] = $"DCMTK {dcmtk.IsRetired}, ours {ours.IsRetired}";
            }
        }

        string[] unexpected =
            [.. differences.Where(d => !KnownDifferences.ContainsKey(d.Key)).Select(d => $"{d.Key}: {d.Value}")];
        string[] stale = [.. KnownDifferences.Keys.Where(k => !differences.ContainsKey(k))];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"compared {compared} DCMTK tags; {differences.Count} differences, all listed: {unexpected.Length == 0}");

        Assert.True(compared > 4500, $"only {compared} tags read from {DicomDicPath}");
        Assert.True(unexpected.Length == 0,
            "Dictionary disagrees with DCMTK:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));
        Assert.True(stale.Length == 0,
            "Known differences no longer seen (remove them):" + Environment.NewLine +
            string.Join(Environment.NewLine, stale));
    }

    [Fact]
    public void Lookup_DcmtkRepeatingRanges_AgreeAtBothEnds()
    {
        SkipUnlessDicomDicExists();

        var differences = new List<string>();
        int compared = 0;
        foreach (DcmtkEntry dcmtk in ReadDicomDic())
        {
            Match match = TagRange().Match(dcmtk.Tag);
            if (!match.Success || SingleTag().IsMatch(dcmtk.Tag))
            {
                continue;
            }

            (ushort groupLow, ushort groupHigh) = Range(match.Groups[1].Value, match.Groups[2].Value);
            (ushort elementLow, ushort elementHigh) = Range(match.Groups[3].Value, match.Groups[4].Value);
            foreach (DicomTag tag in new[] { new DicomTag(groupLow, elementLow), new DicomTag(groupHigh, elementHigh) })
            {
                compared++;
                DicomDictionaryEntry? ours = DicomDictionary.Lookup(tag);
                // DCMTK's catch-all group lengths are our GroupLength, or the group's own entry in groups 0000
                // and 0002 (CommandGroupLength, FileMetaInformationGroupLength); illegal creators are unknown.
                string actual = ours?.Keyword ?? "(none)";
                bool keywordAgrees = dcmtk.Keyword switch
                {
                    "PrivateGroupLength" or "GenericGroupLength" or "IllegalGroupLength" =>
                        actual.EndsWith("GroupLength", StringComparison.Ordinal),
                    "IllegalPrivateCreator" => ours is null,
                    _ => actual == dcmtk.Keyword,
                };
                if (!keywordAgrees || (ours is not null && !VRsAgree(dcmtk.VR, ours.VRs)))
                {
                    differences.Add($"{dcmtk.Tag} at {tag}: DCMTK {dcmtk.Keyword} {dcmtk.VR}, " +
                        $"ours {ours?.Keyword ?? "(none)"} {(ours is null ? string.Empty : FormatVRs(ours.VRs))}");
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} range ends compared");
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static bool VRsAgree(string dcmtkVR, IReadOnlyList<DicomVR> ours)
    {
        DicomVR[] set = [.. ours.Order()];
        return dcmtkVR switch
        {
            "xs" => set.SequenceEqual([DicomVR.SS, DicomVR.US]),
            "ox" or "px" => set.SequenceEqual([DicomVR.OB, DicomVR.OW]),
            "lt" => set.Contains(DicomVR.US) && set.Contains(DicomVR.OW) &&
                set.All(vr => vr is DicomVR.US or DicomVR.SS or DicomVR.OW),
            "up" => set.SequenceEqual([DicomVR.UL]),
            "na" => set.Length == 0,
            _ => set.Length == 1 && set[0].ToCode() == dcmtkVR,
        };
    }

    private static string FormatVRs(IReadOnlyList<DicomVR> vrs) =>
        vrs.Count == 0 ? "(no VR)" : string.Join(" or ", vrs.Select(vr => vr.ToCode()));

    private static void SkipUnlessDicomDicExists() =>
        Assert.SkipUnless(File.Exists(DicomDicPath), $"{DicomDicPath} is missing (install Debian's libdcmtk17)");

    private static ushort Hex(string text) =>
        ushort.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>
    /// The first and last tag numbers a dicom.dic range stands for: "-gggg" even numbers only, "-o-gggg" odd
    /// only, "-u-gggg" all.
    /// </summary>
    private static (ushort Low, ushort High) Range(string low, string high)
    {
        ushort first = Hex(low);
        if (high.Length == 0)
        {
            return (first, first);
        }

        ushort last = Hex(high[(high.LastIndexOf('-') + 1)..]);
        if (high.StartsWith("-o-", StringComparison.Ordinal))
        {
            return ((ushort)(first | 1), (ushort)(last - (1 - (last & 1))));
        }

        if (high.StartsWith("-u-", StringComparison.Ordinal))
        {
            return (first, last);
        }

        return ((ushort)(first + (first & 1)), (ushort)(last - (last & 1)));
    }

    private static IEnumerable<DcmtkEntry> ReadDicomDic()
    {
        foreach (string line in File.ReadLines(DicomDicPath))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            Assert.True(fields.Length == 5, $"unexpected dicom.dic line: {line}");
            bool retired = fields[2].StartsWith("RETIRED_", StringComparison.Ordinal);
            string keyword = retired ? fields[2]["RETIRED_".Length..] : fields[2];
            yield return new DcmtkEntry(fields[0], fields[1], fields[2], keyword, fields[3], retired);
        }
    }

    [GeneratedRegex(@"^\(([0-9A-F]{4}),([0-9A-F]{4})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex SingleTag();

    // (gggg[-gggg|-o-gggg|-u-gggg],eeee[-eeee|...]); the second capture of each part keeps the "-o-"/"-u-" text.
    [GeneratedRegex(@"^\(([0-9A-F]{4})((?:-[ou])?-[0-9A-F]{4})?,([0-9A-F]{4})((?:-[ou])?-[0-9A-F]{4})?\)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex TagRange();

    private sealed record DcmtkEntry(string Tag, string VR, string Name, string Keyword, string VM, bool IsRetired);
}
