namespace PacsNode.Pipeline;

/// <summary>What a pipeline job does; stored in the job row as <c>series-report</c>, <c>reader-vois</c> or <c>reader-her2</c>.</summary>
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

    /// <summary>
    /// A received SR (Comprehensive 3D, Comprehensive or Enhanced; <see cref="PipelineJob.SopInstanceUid"/>) that may be a
    /// reader's HER2-PET classes: only the patient report is made again (its lesions' classes replaced by the reader's),
    /// never a series report. An SR of the node's own or without reader classes does nothing.
    /// </summary>
    ReaderHer2,
}
