namespace PacsNode.Dicom.Data.Text;

/// <summary>The three families of defined terms in PS3.3 C.12.1.1.2.</summary>
internal enum CharacterSetTermKind
{
    /// <summary>"ISO_IR nnn": one single-byte set, no code extensions (table C.12-2).</summary>
    SingleByte,

    /// <summary>"ISO 2022 IR nnn": a set that takes part in ISO 2022 code extension (tables C.12-3, C.12-4).</summary>
    CodeExtension,

    /// <summary>"ISO_IR 192", "GB18030", "GBK": variable-length codes outside ISO 2022 (table C.12-5).</summary>
    Variable,
}
