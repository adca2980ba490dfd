using System.Buffers;
using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Text;

public sealed class DicomCharacterSetEncodeTests
{
    /// <summary>
    /// The PS3.5 annex examples, encoded exactly as the annexes show them (padding left out: Encode adds none).
    /// H.3-1 and H.3-2 (Japanese), I.2-1 (Korean), J.1 (UTF-8), J.3 (GB18030) and K.2-1 (GB 2312); the bytes are
    /// those of Clunie's chrH31, chrH32, chrI2, chrX1 and chrX2 samples and of the PS3.5 2024e text for K.2-1.
    /// </summary>
    [Theory]
    [InlineData(
        "\\ISO 2022 IR 87",
        "Yamada^Tarou=山田^太郎=やまだ^たろう",
        "59616D6164615E5461726F753D1B24423B3345441B28425E1B244242404F3A1B28423D1B24422464245E24401B28425E" +
        "1B2442243F246D24261B2842")]
    [InlineData(
        "ISO 2022 IR 13\\ISO 2022 IR 87",
        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        "D4CFC0DE5EC0DBB33D1B24423B3345441B284A5E1B244242404F3A1B284A3D1B24422464245E24401B284A5E" +
        "1B2442243F246D24261B284A")]
    [InlineData(
        "\\ISO 2022 IR 149",
        "Hong^Gildong=洪^吉洞=홍^길동",
        "486F6E675E47696C646F6E673D1B242943FBF35E1B242943D1CED4D73D1B242943C8AB5E1B242943B1E6B5BF")]
    [InlineData(
        "ISO_IR 192",
        "Wang^XiaoDong=王^小東=",
        "57616E675E5869616F446F6E673DE78E8B5EE5B08FE69DB13D")]
    [InlineData(
        "GB18030",
        "Wang^XiaoDong=王^小东=",
        "57616E675E5869616F446F6E673DCDF55ED0A1B6AB3D")]
    [InlineData(
        "\\ISO 2022 IR 58",
        "Zhang^XiaoDong=张^小东=",
        "5A68616E675E5869616F446F6E673D1B242941D5C55E1B242941D0A1B6AB3D")]
    [InlineData(
        "ISO 2022 IR 6\\ISO 2022 IR 87\\ISO 2022 IR 159",
        DicomCharacterSetDecodeTests.MoriOgai,
        DicomCharacterSetDecodeTests.MoriOgaiHex)]
    public void Encode_AnnexPersonNames_MatchesAnnexBytes(string terms, string text, string hex)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\'));

        byte[] encoded = set.Encode(text, DicomVR.PN);

        Assert.Equal(hex, Convert.ToHexString(encoded));
    }

    [Fact]
    public void Encode_AnnexK3LongText_DesignatesGb2312OnEachLine()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 58"]);

        byte[] encoded = set.Encode(DicomCharacterSetDecodeTests.AnnexK3Text, DicomVR.LT);

        Assert.Equal(DicomCharacterSetDecodeTests.AnnexK3Hex, Convert.ToHexString(encoded));
    }

    [Fact]
    public void Encode_MixedJapaneseSets_UsesEachSetWhereNeeded()
    {
        // pydicom 2.3.1 test_japanese_multi_byte_encoding encodes the same text with one more ESC ) I before ｱ
        // (1B24422422 1B284A61 1B2949B1 ...); ISO-IR 13 is already the initial G1, so we leave it out. pydicom
        // decodes the bytes below back to 'あaｱア齩'.
        var set = DicomCharacterSet.FromSpecificCharacterSet(
            ["ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"]);

        byte[] encoded = set.Encode("あaｱア齩", DicomVR.LO);

        Assert.Equal("1B244224221B284A61B11B244225221B2428446D4E1B284A", Convert.ToHexString(encoded));
    }

    [Theory]
    [InlineData("ISO_IR 100", "Buc^Jérôme", "4275635E4AE972F46D65")]
    [InlineData("ISO_IR 101", "Wałęsa", "5761B3EA7361")]
    [InlineData("ISO_IR 144", "Люкceмбypг", "BBEEDA6365DCD17970D3")]
    [InlineData("ISO_IR 127", "قباني^لنزار", "E2C8C7E6EA5EE4E6D2C7D1")]
    [InlineData("ISO_IR 126", "Διονυσιος", "C4E9EFEDF5F3E9EFF2")]
    [InlineData("ISO_IR 138", "שרון^דבורה", "F9F8E5EF5EE3E1E5F8E4")]
    [InlineData("ISO_IR 148", "Çavuşoğlu", "C7617675FE6FF06C75")]
    [InlineData("ISO_IR 166", "นามสกุล", "B9D2C1CAA1D8C5")]
    [InlineData("ISO_IR 13", "ﾔﾏﾀﾞ^ﾀﾛｳ", "D4CFC0DE5EC0DBB3")]
    [InlineData("GBK", "王^小东", "CDF55ED0A1B6AB")]
    [InlineData("GB18030", "😀", "9439FC36")]
    [InlineData("ISO_IR 192", "😀", "F09F9880")]
    public void Encode_SingleTerm_UsesItsCodePage(string term, string text, string hex)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet([term]);

        Assert.Equal(hex, Convert.ToHexString(set.Encode(text, DicomVR.PN)));
    }

    [Fact]
    public void Encode_SingleByteSetWithExtensions_DesignatesG1OncePerComponent()
    {
        // pydicom 2.3.1 reads these bytes back as 'Buc^Jérôme'.
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 100"]);

        Assert.Equal("4275635E4A1B2D41E972F46D65", Convert.ToHexString(set.Encode("Buc^Jérôme", DicomVR.PN)));
    }

    public static TheoryData<string, string, DicomVR> RoundTrips => new()
    {
        { "", "plain ASCII\\second", DicomVR.LO },
        { "ISO_IR 100", "Größe^Ärger=", DicomVR.PN },
        { "ISO_IR 144", "Москва", DicomVR.SH },
        { "ISO_IR 192", "混合 text 😀\r\nline two", DicomVR.LT },
        { "GB18030", "第一行文字。𠀀", DicomVR.UT },
        { "\\ISO 2022 IR 87", "山田 太郎\\やまだ", DicomVR.LO },
        { "\\ISO 2022 IR 87\\ISO 2022 IR 159", "鷗外\r\n森 鷗外", DicomVR.ST },
        { "\\ISO 2022 IR 149", "김희중\\홍길동 Hong", DicomVR.LO },
        { "ISO 2022 IR 100\\ISO 2022 IR 126\\ISO 2022 IR 144", "Ä Δ Ж^é=ω", DicomVR.PN },
        { "ISO 2022 IR 13\\ISO 2022 IR 87", "ｶﾀｶﾅ カタカナ^ｶﾅ", DicomVR.PN },
        { "\\ISO 2022 IR 58", "张^小东 zhang", DicomVR.PN },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void EncodeThenDecode_RepresentableText_RoundTrips(string terms, string text, DicomVR vr)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(terms.Length == 0 ? [] : terms.Split('\\'));

        Assert.Equal(text, set.Decode(set.Encode(text, vr), vr));
    }

    [Fact]
    public void Encode_CharacterOutsideDeclaredSets_ThrowsCharacterSetException()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 100"]);

        var exception = Assert.Throws<DicomCharacterSetException>(() => set.Encode("Ωmega", DicomVR.LO));

        Assert.Contains("U+03A9", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryEncode_CharacterOutsideDeclaredSets_ReturnsFalse()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.False(set.TryEncode("김", DicomVR.PN, out byte[]? bytes));
        Assert.Null(bytes);
        Assert.False(set.CanEncode("김", DicomVR.PN));
        Assert.True(set.CanEncode("山", DicomVR.PN));
    }

    [Theory]
    [InlineData("ISO_IR 192", "①")]
    [InlineData("\\ISO 2022 IR 87", "①")]
    [InlineData("\\ISO 2022 IR 149", "똠")]
    [InlineData("\\ISO 2022 IR 58", "ⅰ")]
    public void CanEncode_VendorExtensionCharacters_OnlyUnderUnicode(string terms, string text)
    {
        // NEC row 13, UHC and GBK characters decode (leniently) but are never written into ISO 2022 sets.
        var set = DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\'));

        Assert.Equal(terms == "ISO_IR 192", set.CanEncode(text, DicomVR.LO));
    }

    [Fact]
    public void Encode_DefaultRepertoireWithLatin1_WritesWhatDecodeRead()
    {
        Assert.Equal("E9", Convert.ToHexString(DicomCharacterSet.Default.Encode("é", DicomVR.LO)));
        Assert.Throws<DicomCharacterSetException>(() => DicomCharacterSet.Default.Encode("Ω", DicomVR.LO));
    }

    [Fact]
    public void Encode_VROutsideSpecificCharacterSet_WritesAsciiUnderUtf8()
    {
        Assert.Equal("312E322E33", Convert.ToHexString(DicomCharacterSet.Utf8.Encode("1.2.3", DicomVR.UI)));
    }

    [Fact]
    public void Encode_LoneSurrogateUnderUtf8_Throws()
    {
        Assert.Throws<DicomCharacterSetException>(() => DicomCharacterSet.Utf8.Encode("a\uD800b", DicomVR.LO));
    }

    [Fact]
    public void Encode_ToBufferWriter_AppendsBytes()
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write<byte>([0xFF]);

        DicomCharacterSet.Utf8.Encode("é", DicomVR.LO, writer);

        Assert.Equal("FFC3A9", Convert.ToHexString(writer.WrittenSpan));
    }
}
