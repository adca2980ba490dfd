using PacsNode.Dicom.Data;

namespace PacsNode.Storage.Queries;

/// <summary>A C-FIND identifier translated: the level, the SQL with its filter, and per requested key the column
/// ordinal that answers it (-1 for keys the index does not hold, which are returned empty).</summary>
internal sealed record CFindPlan(
    QueryLevel Level, string CommandText, SqlFilter Filter, IReadOnlyList<(DicomItem Key, int Ordinal)> Keys);
