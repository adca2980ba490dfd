using PacsNode.Dicom.Dictionary;

namespace PacsNode.Storage.Queries;

/// <summary>A key the index can answer: its level, the SQL expression returning its stored text, and the column
/// (on the aliases p, st, se, i) matching is done on.</summary>
internal sealed record QueryAttribute(DicomTag Tag, DicomVR VR, QueryLevel Level, MatchKind Kind, string Select, string MatchColumn);
