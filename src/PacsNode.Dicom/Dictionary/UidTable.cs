namespace PacsNode.Dicom.Dictionary;

/// <summary>
/// The UIDs of PS3.6 table A-1 over the generated <see cref="DicomDictionaryData.Uids"/> text, all parsed when
/// the table is built (about 450 entries).
/// </summary>
internal sealed class UidTable
{
    private readonly Dictionary<string, DicomUidInfo> _byUid = new(StringComparer.Ordinal);

    public UidTable()
    {
        ReadOnlySpan<byte> rest = DicomDictionaryData.Uids;
        while (!rest.IsEmpty)
        {
            ReadOnlySpan<byte> line = DictionaryText.NextLine(ref rest);
            ReadOnlySpan<byte> fields = line;
            string uid = DictionaryText.Text(DictionaryText.NextField(ref fields));
            ReadOnlySpan<byte> typeField = DictionaryText.NextField(ref fields);
            bool retired = DictionaryText.ParseRetired(DictionaryText.NextField(ref fields));
            string keyword = DictionaryText.Text(DictionaryText.NextField(ref fields));
            string name = DictionaryText.Text(fields);
            DicomUidType type = ParseType(typeField);
            if (type == DicomUidType.Unknown ||
                !_byUid.TryAdd(uid, new DicomUidInfo(uid, name, keyword, type, retired)))
            {
                throw DictionaryText.Malformed(line);
            }
        }
    }

    public int Count => _byUid.Count;

    public IEnumerable<DicomUidInfo> All => _byUid.Values;

    public DicomUidInfo? Find(string uid) => _byUid.GetValueOrDefault(uid);

    // The generator writes DicomUidType member names. A switch rather than Enum.TryParse<DicomUidType>, whose
    // generic code would be compiled at run time on the first lookup.
    private static DicomUidType ParseType(ReadOnlySpan<byte> field) => field switch
    {
        _ when field.SequenceEqual("TransferSyntax"u8) => DicomUidType.TransferSyntax,
        _ when field.SequenceEqual("SopClass"u8) => DicomUidType.SopClass,
        _ when field.SequenceEqual("MetaSopClass"u8) => DicomUidType.MetaSopClass,
        _ when field.SequenceEqual("WellKnownSopInstance"u8) => DicomUidType.WellKnownSopInstance,
        _ when field.SequenceEqual("WellKnownFrameOfReference"u8) => DicomUidType.WellKnownFrameOfReference,
        _ when field.SequenceEqual("ApplicationContextName"u8) => DicomUidType.ApplicationContextName,
        _ when field.SequenceEqual("ApplicationHostingModel"u8) => DicomUidType.ApplicationHostingModel,
        _ when field.SequenceEqual("CodingScheme"u8) => DicomUidType.CodingScheme,
        _ when field.SequenceEqual("ServiceClass"u8) => DicomUidType.ServiceClass,
        _ when field.SequenceEqual("MappingResource"u8) => DicomUidType.MappingResource,
        _ when field.SequenceEqual("LdapOid"u8) => DicomUidType.LdapOid,
        _ when field.SequenceEqual("SynchronizationFrameOfReference"u8) => DicomUidType.SynchronizationFrameOfReference,
        _ when field.SequenceEqual("Other"u8) => DicomUidType.Other,
        _ => DicomUidType.Unknown,
    };
}
