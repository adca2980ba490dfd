using PacsNode.Dicom.Data.Text;
using PacsNode.Dicom.Dictionary;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Text;

public sealed class DicomCharacterSetDecodeTests
{
    /// <summary>
    /// Every text element with non-ASCII bytes in David Clunie's character set samples as shipped with pydicom
    /// 2.3.1 (/usr/lib/python3/dist-packages/pydicom/data/charset_files/*.dcm): raw value bytes, padding
    /// included, and the string that pydicom.charset.decode_bytes returned for them (computed once with
    /// /usr/bin/python3; the PN delimiters '^', '=' and '\' and the text control characters passed as
    /// pydicom's delimiters). The Japanese, Korean and Chinese values are the PS3.5 Annex H, I and J examples.
    /// </summary>
    [Theory]
    [InlineData("chrArab.dcm", "ISO_IR 127", "PN", "E2C8C7E6EA5EE4E6D2C7D120", "قباني^لنزار ")]
    [InlineData("chrFren.dcm", "ISO_IR 100", "PN", "4275635E4AE972F46D65", "Buc^Jérôme")]
    [InlineData("chrFrenMulti.dcm", "ISO_IR 100", "PN", "4275635E4AE972F46D655C4275635E4AE972F46D6520", "Buc^Jérôme\u005CBuc^Jérôme ")]
    [InlineData("chrGerm.dcm", "ISO_IR 100", "PN", "C46E6561735E52FC646967657220", "Äneas^Rüdiger ")]
    [InlineData("chrGreek.dcm", "ISO_IR 126", "PN", "C4E9EFEDF5F3E9EFF220", "Διονυσιος ")]
    [InlineData("chrH31.dcm", "\u005CISO 2022 IR 87", "PN", "59616D6164615E5461726F753D1B24423B3345441B28425E1B244242404F3A1B28423D1B24422464245E24401B28425E1B2442243F246D24261B2842", "Yamada^Tarou=山田^太郎=やまだ^たろう")]
    [InlineData("chrH32.dcm", "ISO 2022 IR 13\u005CISO 2022 IR 87", "PN", "D4CFC0DE5EC0DBB33D1B24423B3345441B284A5E1B244242404F3A1B284A3D1B24422464245E24401B284A5E1B2442243F246D24261B284A", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")]
    [InlineData("chrHbrw.dcm", "ISO_IR 138", "PN", "F9F8E5EF5EE3E1E5F8E4", "שרון^דבורה")]
    [InlineData("chrI2.dcm", "\u005CISO 2022 IR 149", "PN", "486F6E675E47696C646F6E673D1B242943FBF35E1B242943D1CED4D73D1B242943C8AB5E1B242943B1E6B5BF", "Hong^Gildong=洪^吉洞=홍^길동")]
    [InlineData("chrJapMulti.dcm", "\u005CISO 2022 IR 87", "PN", "1B24422464245E24401B28425E1B2442243F246D24261B284220", "やまだ^たろう ")]
    [InlineData("chrJapMulti.dcm", "\u005CISO 2022 IR 87", "PN", "1B24422464245E24401B28425E1B2442243F246D24261B28425C1B24422464245E24401B28425E1B2442243F246D24261B284220", "やまだ^たろう\u005Cやまだ^たろう ")]
    [InlineData("chrJapMulti.dcm", "\u005CISO 2022 IR 87", "LT", "1B2442243F246D24261B2842", "たろう")]
    [InlineData("chrJapMultiExplicitIR6.dcm", "ISO 2022 IR 6\u005CISO 2022 IR 87", "PN", "1B24422464245E24401B28425E1B2442243F246D24261B284220", "やまだ^たろう ")]
    [InlineData("chrJapMultiExplicitIR6.dcm", "ISO 2022 IR 6\u005CISO 2022 IR 87", "PN", "1B24422464245E24401B28425E1B2442243F246D24261B28425C1B24422464245E24401B28425E1B2442243F246D24261B284220", "やまだ^たろう\u005Cやまだ^たろう ")]
    [InlineData("chrJapMultiExplicitIR6.dcm", "ISO 2022 IR 6\u005CISO 2022 IR 87", "LT", "1B2442243F246D24261B2842", "たろう")]
    [InlineData("chrKoreanMulti.dcm", "\u005CISO 2022 IR 149", "PN", "1B242943B1E8C8F1C1DF1B284220", "김희중 ")]
    [InlineData("chrKoreanMulti.dcm", "\u005CISO 2022 IR 149", "PN", "1B242943B1E8C8F1C1DF1B28425C1B242943B1E8C8F1C1DF1B284220", "김희중\u005C김희중 ")]
    [InlineData("chrKoreanMulti.dcm", "\u005CISO 2022 IR 149", "LT", "1B242943B1E8C8F1C1DF1B284220", "김희중 ")]
    [InlineData("chrRuss.dcm", "ISO_IR 144", "PN", "BBEEDA6365DCD17970D3", "Люкceмбypг")]
    [InlineData("chrSQEncoding.dcm", "ISO 2022 IR 13\u005CISO 2022 IR 87", "PN", "D4CFC0DE5EC0DBB33D1B24423B3345441B28425E1B244242404F3A1B28423D1B24422464245E24401B28425E1B2442243F246D24261B2842", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")]
    [InlineData("chrX1.dcm", "ISO_IR 192", "PN", "57616E675E5869616F446F6E673DE78E8B5EE5B08FE69DB13D20", "Wang^XiaoDong=王^小東= ")]
    [InlineData("chrX2.dcm", "GB18030", "PN", "57616E675E5869616F446F6E673DCDF55ED0A1B6AB3D", "Wang^XiaoDong=王^小东=")]
    public void Decode_ClunieSampleFiles_MatchesPydicom(string file, string terms, string vr, string hex, string expected)
    {
        _ = file;
        var set = DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\'));
        Assert.True(DicomVRInfo.TryParse(vr, out DicomVR parsed));

        string decoded = set.Decode(Convert.FromHexString(hex), parsed);

        Assert.Equal(expected, decoded);
    }

    /// <summary>
    /// One name per single-byte set, each designated with ISO 2022 escapes before every component: the
    /// ENCODED_NAMES table of pydicom 2.3.1 tests/test_charset.py, decoded under ["", term].
    /// </summary>
    [Theory]
    [InlineData("ISO 2022 IR 13", "1B2949D4CFC0DE5E1B2949C0DBB3", "ﾔﾏﾀﾞ^ﾀﾛｳ")]
    [InlineData("ISO 2022 IR 100", "1B2D414275635E1B2D414AE972F46D65", "Buc^Jérôme")]
    [InlineData("ISO 2022 IR 101", "1B2D425761B3EA7361", "Wałęsa")]
    [InlineData("ISO 2022 IR 109", "1B2D43616E7461FD6E6F6D6F", "antaŭnomo")]
    [InlineData("ISO 2022 IR 110", "1B2D4476E0726473", "vārds")]
    [InlineData("ISO 2022 IR 127", "1B2D47E2C8C7E6EA5E1B2D47E4E6D2C7D1", "قباني^لنزار")]
    [InlineData("ISO 2022 IR 126", "1B2D46C4E9EFEDF5F3E9EFF2", "Διονυσιος")]
    [InlineData("ISO 2022 IR 138", "1B2D48F9F8E5EF5E1B2D48E3E1E5F8E4", "שרון^דבורה")]
    [InlineData("ISO 2022 IR 144", "1B2D4CBBEEDA6365DCD17970D3", "Люкceмбypг")]
    [InlineData("ISO 2022 IR 148", "1B2D4DC7617675FE6FF06C75", "Çavuşoğlu")]
    [InlineData("ISO 2022 IR 166", "1B2D54B9D2C1CAA1D8C5", "นามสกุล")]
    public void Decode_SingleByteCodeExtensions_MatchesPydicomTable(string term, string hex, string expected)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", term]);

        Assert.Equal(expected, set.Decode(Convert.FromHexString(hex), DicomVR.PN));
    }

    /// <summary>The same names under the single-byte term without code extensions.</summary>
    [Theory]
    [InlineData("ISO_IR 101", "5761B3EA7361", "Wałęsa")]
    [InlineData("ISO_IR 109", "616E7461FD6E6F6D6F", "antaŭnomo")]
    [InlineData("ISO_IR 110", "76E0726473", "vārds")]
    [InlineData("ISO_IR 148", "C7617675FE6FF06C75", "Çavuşoğlu")]
    [InlineData("ISO_IR 166", "B9D2C1CAA1D8C5", "นามสกุล")]
    [InlineData("ISO_IR 203", "A4BDBE", "€œŸ")]
    [InlineData("ISO_IR 13", "D4CFC0DE5EC0DBB3", "ﾔﾏﾀﾞ^ﾀﾛｳ")]
    [InlineData("ISO_IR 192", "E78E8B5EF09F9880", "王^😀")]
    [InlineData("GBK", "CDF55ED0A1B6AB", "王^小东")]
    [InlineData("GB18030", "9439FC36", "😀")]
    public void Decode_SingleTerm_UsesItsCodePage(string term, string hex, string expected)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet([term]);

        Assert.Equal(expected, set.Decode(Convert.FromHexString(hex), DicomVR.LO));
    }

    /// <summary>PS3.5 2024e Example K.2-1, the ISO 2022 IR 58 person name, bytes copied from the annex.</summary>
    [Fact]
    public void Decode_AnnexK2ChinesePersonName_ReadsGb2312()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 58"]);
        byte[] bytes = Convert.FromHexString(
            "5A68616E675E5869616F446F6E673D1B242941D5C55E1B242941D0A1B6AB3D20");

        Assert.Equal("Zhang^XiaoDong=张^小东= ", set.Decode(bytes, DicomVR.PN));
    }

    /// <summary>
    /// PS3.5 2024e Example K.3-1, three lines of LT: CR LF resets G1, so each line designates GB 2312 again.
    /// </summary>
    [Fact]
    public void Decode_AnnexK3ChineseLongText_ResetsAtEachLine()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 58"]);

        Assert.Equal(AnnexK3Text, set.Decode(Convert.FromHexString(AnnexK3Hex), DicomVR.LT));
    }

    /// <summary>
    /// PS3.5 Example H.3-1 with JIS X 0212 (鷗), bytes from pydicom 2.3.1
    /// test_japanese_multi_byte_personname.
    /// </summary>
    [Fact]
    public void Decode_JisX0212PersonName_ReadsSupplementaryKanji()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(
            ["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"]);

        Assert.Equal(MoriOgai, set.Decode(Convert.FromHexString(MoriOgaiHex), DicomVR.PN));
    }

    [Theory]
    [InlineData(DicomVR.PN, "Δ^Ä")]
    [InlineData(DicomVR.LO, "Δ^Δ")]
    [InlineData(DicomVR.LT, "Δ^Δ")]
    public void Decode_CaretAfterDesignation_ResetsG1OnlyForPersonNames(DicomVR vr, string expected)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 126"]);

        Assert.Equal(expected, set.Decode([0x1B, 0x2D, 0x46, 0xC4, (byte)'^', 0xC4], vr));
    }

    [Theory]
    [InlineData(DicomVR.LO, "Δ\\Ä")]
    [InlineData(DicomVR.UC, "Δ\\Ä")]
    [InlineData(DicomVR.ST, "Δ\\Δ")]
    [InlineData(DicomVR.UT, "Δ\\Δ")]
    public void Decode_BackslashAfterDesignation_ResetsG1OnlyForMultiValuedVRs(DicomVR vr, string expected)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 126"]);

        Assert.Equal(expected, set.Decode([0x1B, 0x2D, 0x46, 0xC4, (byte)'\\', 0xC4], vr));
    }

    [Theory]
    [InlineData(0x0D)]
    [InlineData(0x0A)]
    [InlineData(0x0C)]
    [InlineData(0x09)]
    public void Decode_ControlCharacterAfterDesignation_ResetsG1(byte control)
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 126"]);

        string decoded = set.Decode([0x1B, 0x2D, 0x46, 0xC4, control, 0xC4], DicomVR.LT);

        Assert.Equal("Δ" + (char)control + "Ä", decoded);
    }

    [Fact]
    public void Decode_KanjiBytesThatLookLikeDelimiters_StayKanji()
    {
        // ま is 0x24 0x5E in JIS X 0208: the 0x5E is half a character, not a component delimiter.
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.Equal("ま", set.Decode(Convert.FromHexString("1B2442245E1B2842"), DicomVR.PN));
    }

    [Fact]
    public void Decode_DefaultRepertoireWithHighBytes_ReadsLatin1()
    {
        Assert.Equal("Buc^Jérôme", DicomCharacterSet.Default.Decode(Convert.FromHexString("4275635E4AE972F46D65"), DicomVR.PN));
    }

    [Fact]
    public void Decode_VROutsideSpecificCharacterSet_ReadsLatin1EvenUnderUtf8()
    {
        Assert.Equal("Ã©", DicomCharacterSet.Utf8.Decode([0xC3, 0xA9], DicomVR.CS));
    }

    [Fact]
    public void Decode_EscapesUnderDefaultRepertoire_AreHonoured()
    {
        byte[] bytes = Convert.FromHexString("1B24422464245E24401B2842");

        Assert.Equal("やまだ", DicomCharacterSet.Default.Decode(bytes, DicomVR.PN));
    }

    [Theory]
    [InlineData("ISO 2022 IR 149")]
    [InlineData("\\ISO 2022 IR 149")]
    public void Decode_KoreanWithoutDesignation_ReadsDeclaredG1(string terms)
    {
        // Korean systems often write bare EUC-KR under ISO 2022 IR 149; pydicom 2.3.1 reads 김희중 for the
        // single-valued form.
        var set = DicomCharacterSet.FromSpecificCharacterSet(terms.Split('\\'));

        Assert.Equal("김희중", set.Decode(Convert.FromHexString("B1E8C8F1C1DF"), DicomVR.PN));
    }

    [Fact]
    public void Decode_ShiftJisUnderIsoIr13_ReadsKanji()
    {
        // Not conformant, but common; pydicom 2.3.1 (shift_jis for ISO_IR 13) reads 山田 too.
        var set = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 13"]);

        Assert.Equal("山田", set.Decode(Convert.FromHexString("8E529363"), DicomVR.PN));
    }

    [Fact]
    public void Decode_UnknownEscapeSequence_KeepsTheBytesAsText()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.Equal("\u001B%GA", set.Decode(Convert.FromHexString("1B254741"), DicomVR.LO));
    }

    [Fact]
    public void Decode_TruncatedKanjiPair_EndsWithReplacementCharacter()
    {
        var set = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"]);

        Assert.Equal("山\uFFFD", set.Decode(Convert.FromHexString("1B24423B3345"), DicomVR.LO));
    }

    [Fact]
    public void Decode_EmptyValue_ReturnsEmptyString()
    {
        Assert.Same(string.Empty, DicomCharacterSet.Utf8.Decode([], DicomVR.PN));
    }

    internal const string AnnexK3Text = "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n";

    internal const string AnnexK3Hex =
        "312E1B242941B5DAD2BBD0D0CEC4D7D6A1A30D0A" +
        "322E1B242941B5DAB6FED0D0CEC4D7D6A1A30D0A" +
        "332E1B242941B5DAC8FDD0D0CEC4D7D6A1A30D0A";

    internal const string MoriOgai = "Mori^Ogai=森^鷗外=もり^おうがい";

    internal const string MoriOgaiHex =
        "4D6F72695E4F6761693D1B24423F391B28425E1B2428446C3F1B244233301B28423D" +
        "1B24422462246A1B28425E1B2442242A2426242C24241B2842";
}
