using System.Text;
using PacsNode.Dicom.Data.Text;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Text;

public sealed class DicomCharacterSetTests
{
    [Fact]
    public void FromSpecificCharacterSet_NoValues_ReturnsDefault()
    {
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromSpecificCharacterSet([]));
        Assert.Same(DicomCharacterSet.Default, DicomCharacterSet.FromSpecificCharacterSet([""]));
        Assert.Empty(DicomCharacterSet.Default.DefinedTerms);
    }

    [Theory]
    [InlineData("ISO_IR 100")]
    [InlineData("ISO_IR 101")]
    [InlineData("ISO_IR 109")]
    [InlineData("ISO_IR 110")]
    [InlineData("ISO_IR 144")]
    [InlineData("ISO_IR 127")]
    [InlineData("ISO_IR 126")]
    [InlineData("ISO_IR 138")]
    [InlineData("ISO_IR 148")]
    [InlineData("ISO_IR 203")]
    [InlineData("ISO_IR 166")]
    [InlineData("ISO_IR 13")]
    [InlineData("ISO_IR 192")]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    [InlineData("ISO 2022 IR 6")]
    [InlineData("ISO 2022 IR 100")]
    [InlineData("ISO 2022 IR 13")]
    [InlineData("ISO 2022 IR 87")]
    [InlineData("ISO 2022 IR 159")]
    [InlineData("ISO 2022 IR 149")]
    [InlineData("ISO 2022 IR 58")]
    [InlineData("ISO 2022 IR 166")]
    public void FromSpecificCharacterSet_DefinedTerm_IsAccepted(string term)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet([term]);

        Assert.Equal([term], set.DefinedTerms);
        Assert.Equal(term.StartsWith("ISO 2022", StringComparison.Ordinal), set.UsesCodeExtensions);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void FromSpecificCharacterSet_PaddedTerm_IsTrimmed()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet([" ISO_IR 100 \0"]);

        Assert.Equal(["ISO_IR 100"], set.DefinedTerms);
    }

    [Fact]
    public void FromSpecificCharacterSet_CodeExtensions_KeepsEmptyFirstValue()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87", "ISO 2022 IR 159"]);

        Assert.Equal(["", "ISO 2022 IR 87", "ISO 2022 IR 159"], set.DefinedTerms);
        Assert.True(set.UsesCodeExtensions);
        Assert.Equal("\\ISO 2022 IR 87\\ISO 2022 IR 159", set.ToString());
    }

    [Theory]
    [InlineData("ISO_IR_100")]
    [InlineData("ISO-IR 100")]
    [InlineData("LATIN1")]
    [InlineData("iso_ir 100")]
    public void FromSpecificCharacterSet_UnknownTerm_ThrowsNamingTheTerm(string term)
    {
        var exception = Assert.Throws<DicomCharacterSetException>(
            () => DicomCharacterSet.FromSpecificCharacterSet([term]));

        Assert.Equal(term, exception.Term);
        Assert.IsAssignableFrom<DicomException>(exception);
    }

    [Theory]
    [InlineData("ISO_IR 100\\ISO 2022 IR 87", "ISO_IR 100")]
    [InlineData("ISO_IR 192\\ISO 2022 IR 87", "ISO_IR 192")]
    [InlineData("\\ISO_IR 192", "ISO_IR 192")]
    [InlineData("ISO 2022 IR 100\\", "")]
    public void FromSpecificCharacterSet_IllegalCombination_Throws(string terms, string culprit)
    {
        var exception = Assert.Throws<DicomCharacterSetException>(
            () => DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\')));

        Assert.Equal(culprit, exception.Term);
    }

    [Fact]
    public void TryFromSpecificCharacterSet_UnknownTerm_ReturnsFalse()
    {
        Assert.False(DicomCharacterSet.TryFromSpecificCharacterSet(["ISO_IR 999"], out DicomCharacterSet? set));
        Assert.Null(set);
        Assert.True(DicomCharacterSet.TryFromSpecificCharacterSet(["ISO_IR 192"], out set));
        Assert.Same(DicomCharacterSet.Utf8, set);
    }

    [Theory]
    [InlineData("ISO_IR_100", "ISO_IR 100")]
    [InlineData("ISO-IR 100", "ISO_IR 100")]
    [InlineData("iso_ir 100", "ISO_IR 100")]
    [InlineData("ISO_IR100", "ISO_IR 100")]
    [InlineData("ISO-8859-1", "ISO_IR 100")]
    [InlineData("UTF-8", "ISO_IR 192")]
    [InlineData("ISO_2022_IR_149", "ISO 2022 IR 149")]
    [InlineData("gb18030", "GB18030")]
    public void FromSpecificCharacterSetLenient_Misspelling_ReadsMeantTermWithWarning(string spelling, string meant)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient([spelling]);

        Assert.Equal([meant], set.DefinedTerms);
        string warning = Assert.Single(set.Warnings);
        Assert.Contains(spelling, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_IsoIr6_ReadsDefaultRepertoire()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["ISO_IR 6"]);

        Assert.Empty(set.DefinedTerms);
        Assert.Single(set.Warnings);
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_UnknownFirstTerm_DecodesLatin1()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["KLINGON"]);

        Assert.Equal(["ISO_IR 100"], set.DefinedTerms);
        Assert.Contains("KLINGON", Assert.Single(set.Warnings), StringComparison.Ordinal);
        Assert.Equal("é", set.Decode([0xE9], Dicom.Dictionary.DicomVR.LO));
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_SingleByteTermAmongExtensions_UsesItsExtensionForm()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["ISO_IR 100", "ISO 2022 IR 87", "XX"]);

        Assert.Equal(["ISO 2022 IR 100", "ISO 2022 IR 87"], set.DefinedTerms);
        Assert.Equal(2, set.Warnings.Count);
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_Utf8WithOthers_UsesUtf8Alone()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["ISO_IR 192", "ISO 2022 IR 87"]);

        Assert.Equal(["ISO_IR 192"], set.DefinedTerms);
        Assert.Single(set.Warnings);
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_EmptyFirstValueThenUtf8_UsesUtf8()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["", "ISO_IR 192"]);

        Assert.Equal(["ISO_IR 192"], set.DefinedTerms);
        Assert.Single(set.Warnings);
        Assert.Equal("王", set.Decode([0xE7, 0x8E, 0x8B], Dicom.Dictionary.DicomVR.PN));
    }

    [Fact]
    public void FromSpecificCharacterSetLenient_ValidTerms_HasNoWarnings()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSetLenient(["", "ISO 2022 IR 149"]);

        Assert.Empty(set.Warnings);
        Assert.Equal(["", "ISO 2022 IR 149"], set.DefinedTerms);
    }

    /// <summary>
    /// The code pages behind the sets exist on this runtime once the provider is registered. Checked with
    /// InvariantGlobalization both false (this project) and true (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1):
    /// code pages are encoding tables, not ICU data.
    /// </summary>
    [Theory]
    [InlineData(28592, "iso-8859-2")]
    [InlineData(28593, "iso-8859-3")]
    [InlineData(28594, "iso-8859-4")]
    [InlineData(28595, "iso-8859-5")]
    [InlineData(28596, "iso-8859-6")]
    [InlineData(28597, "iso-8859-7")]
    [InlineData(28598, "iso-8859-8")]
    [InlineData(28599, "iso-8859-9")]
    [InlineData(28605, "iso-8859-15")]
    [InlineData(874, "windows-874")]
    [InlineData(932, "shift_jis")]
    [InlineData(20932, "euc-jp")]
    [InlineData(949, "ks_c_5601-1987")]
    [InlineData(936, "gb2312")]
    [InlineData(54936, "gb18030")]
    public void CodePages_EachCodePage_IsAvailable(int codePage, string webName)
    {
        Encoding encoding = CodePages.Get(codePage);

        Assert.Equal(webName, encoding.WebName);
    }
}
