namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>The five packet progression orders of T.800 Table A.16, in their coded values.</summary>
internal enum ProgressionOrder
{
    LayerResolutionComponentPosition = 0,
    ResolutionLayerComponentPosition = 1,
    ResolutionPositionComponentLayer = 2,
    PositionComponentResolutionLayer = 3,
    ComponentPositionResolutionLayer = 4,
}
