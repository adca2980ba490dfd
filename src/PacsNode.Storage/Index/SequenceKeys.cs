using PacsNode.Dicom.Dictionary;
using PacsNode.Storage.Queries;

namespace PacsNode.Storage.Index;

/// <summary>
/// The sequence attributes the index keeps (schema version 4), with the level whose row owns them: the sequence keys
/// of the Q/R information model that a PET/CT node meets (Referenced Patient Sequence at patient level, Procedure
/// Code and Referenced Study Sequence at study level, Request Attributes Sequence at series level) and, for the
/// quantification pipeline, the PET Radiopharmaceutical Information Sequence (radiopharmaceutical, radionuclide and
/// their code sequences, dose, half-life, start time) at series level. Each is taken from the newest instance that
/// carries it.
/// </summary>
internal static class SequenceKeys
{
    private static readonly Dictionary<DicomTag, QueryLevel> Levels = new()
    {
        [DicomTag.ReferencedPatientSequence] = QueryLevel.Patient,
        [DicomTag.ProcedureCodeSequence] = QueryLevel.Study,
        [DicomTag.ReferencedStudySequence] = QueryLevel.Study,
        [DicomTag.RequestAttributesSequence] = QueryLevel.Series,
        [DicomTag.RadiopharmaceuticalInformationSequence] = QueryLevel.Series,
    };

    public static IEnumerable<DicomTag> All => Levels.Keys;

    public static bool TryGetLevel(DicomTag tag, out QueryLevel level) => Levels.TryGetValue(tag, out level);

    /// <summary>The items nest at most this deep (a code sequence inside an item is depth 2).</summary>
    public const int MaxDepth = 4;
}
