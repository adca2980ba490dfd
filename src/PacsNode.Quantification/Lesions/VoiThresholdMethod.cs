namespace PacsNode.Quantification.Lesions;

/// <summary>How an automatically found lesion's VOI is cut around its maximum (DOMAIN.md section 4; recorded in reports).</summary>
public enum VoiThresholdMethod
{
    /// <summary>Voxels ≥ 41% of the lesion's SUVmax (the default, EANM).</summary>
    Percent41,

    /// <summary>Voxels ≥ 50% of the lesion's SUVmax.</summary>
    Percent50,

    /// <summary>Voxels ≥ a fixed SUVbw (<see cref="LesionDetectionOptions.FixedSuv"/>).</summary>
    FixedSuv,

    /// <summary>Voxels ≥ the detection threshold (PERCIST liver threshold, or its fallback).</summary>
    PercistLiver,
}
