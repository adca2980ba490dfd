namespace PacsNode.Dicom.Data.Text;

/// <summary>How an ISO 2022 graphic character set is coded (PS3.5 6.1.2.4, PS3.3 tables C.12-3 and C.12-4).</summary>
internal enum GraphicSetKind
{
    /// <summary>G0, ISO-IR 6: ASCII.</summary>
    Ascii,

    /// <summary>
    /// G0, ISO-IR 14: JIS X 0201 romaji. Decoded as ASCII, so that 05/12 stays the value delimiter that
    /// PS3.5 6.1.2.5.3 says it is, although JIS X 0201 draws it as a yen sign.
    /// </summary>
    JisRoman,

    /// <summary>G0, ISO-IR 87: JIS X 0208, two 7-bit bytes per character.</summary>
    JisX0208,

    /// <summary>G0, ISO-IR 159: JIS X 0212, two 7-bit bytes per character.</summary>
    JisX0212,

    /// <summary>G1, one byte with the high bit set: the ISO 8859 parts and TIS 620.</summary>
    SingleByte,

    /// <summary>G1, ISO-IR 13: JIS X 0201 half-width katakana.</summary>
    Katakana,

    /// <summary>G1, ISO-IR 149 (KS X 1001) and ISO-IR 58 (GB 2312): two bytes with the high bit set.</summary>
    DoubleByte,
}
