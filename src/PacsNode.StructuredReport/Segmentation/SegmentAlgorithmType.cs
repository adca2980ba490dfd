namespace PacsNode.StructuredReport.Segmentation;

/// <summary>Segment Algorithm Type (0062,0008).</summary>
public enum SegmentAlgorithmType
{
    Automatic,
    Semiautomatic,
    Manual,
}
