namespace PacsNode.Pipeline;

/// <summary>What a pipeline job does; stored in the job row as <c>series-report</c> or <c>reader-vois</c>.</summary>
public enum JobKind
{
    /// <summary>
    /// Quantify a PET series (PET Image Storage, Enhanced PET or Legacy Converted Enhanced PET) and report on it.
    /// </summary>
    SeriesReport,

    /// <summary>
    /// Report on the VOIs of a reader-supplied RTSTRUCT or SEG instance (<see cref="PipelineJob.SopInstanceUid"/>);
    /// the processor resolves the PET series it references.
    /// </summary>
    ReaderVois,
}
