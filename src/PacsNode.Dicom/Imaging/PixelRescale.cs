using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.Imaging;

/// <summary>The modality rescale of stored values (PS3.3 C.11.1): output = stored × Slope + Intercept.</summary>
public readonly record struct PixelRescale(double Slope, double Intercept)
{
    public static PixelRescale Identity { get; } = new(1, 0);

    /// <summary>
    /// The rescale of one frame (0-based): from that frame's Pixel Value Transformation functional group (PS3.3
    /// C.7.6.16.2.9) in the Per-Frame, else the Shared Functional Groups Sequence of an enhanced multi-frame image,
    /// else the top-level Rescale Slope/Intercept; identity where none is given.
    /// </summary>
    public static PixelRescale ForFrame(DicomDataset dataset, int frame)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        DicomDataset? perFrame = dataset.GetSequence(DicomTag.PerFrameFunctionalGroupsSequence)?.Items.ElementAtOrDefault(frame);
        DicomDataset? shared = dataset.GetSequence(DicomTag.SharedFunctionalGroupsSequence)?.Items.FirstOrDefault();
        foreach (DicomDataset? group in new[] { perFrame, shared })
        {
            if (group?.GetSequence(DicomTag.PixelValueTransformationSequence)?.Items.FirstOrDefault() is { } transformation &&
                TryRead(transformation, out PixelRescale rescale))
            {
                return rescale;
            }
        }

        return TryRead(dataset, out PixelRescale top) ? top : Identity;
    }

    private static bool TryRead(DicomDataset dataset, out PixelRescale rescale)
    {
        bool hasSlope = dataset.TryGetDouble(DicomTag.RescaleSlope, out double slope);
        bool hasIntercept = dataset.TryGetDouble(DicomTag.RescaleIntercept, out double intercept);
        rescale = new PixelRescale(hasSlope ? slope : 1, hasIntercept ? intercept : 0);
        return hasSlope || hasIntercept;
    }
}
