using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Lesions;

/// <summary>
/// Whether a PET series' radiopharmaceutical is a glucose analogue (TLG is written for those only): a
/// RadiopharmaceuticalCodeSequence code for Fluorodeoxyglucose F^18^ (SCT 35321007, SRT C-B1031), or a
/// Radiopharmaceutical (0018,0031) text naming FDG, fluorodeoxyglucose or glucose.
/// </summary>
public static class GlucoseTracer
{
    public static bool Is(DicomDataset slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        if (slice.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)?.Items.FirstOrDefault() is not { } item)
        {
            return false;
        }

        foreach (DicomDataset code in item.GetSequence(DicomTag.RadiopharmaceuticalCodeSequence)?.Items ?? [])
        {
            if (code.GetString(DicomTag.CodeValue) is "35321007" or "C-B1031")
            {
                return true;
            }
        }

        string text = item.GetString(DicomTag.Radiopharmaceutical) ?? string.Empty;
        return text.Contains("FDG", StringComparison.OrdinalIgnoreCase) || text.Contains("glucose", StringComparison.OrdinalIgnoreCase);
    }
}
