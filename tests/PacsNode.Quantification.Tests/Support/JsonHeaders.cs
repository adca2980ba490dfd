using System.Text.Json;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Tests.Support;

/// <summary>
/// Turns cornerstone calculate-suv's header extracts (test/metadata/*.json: keyword → value) into datasets, so
/// the calculator reads them exactly as it reads a file.
/// </summary>
internal static class JsonHeaders
{
    private static readonly (string Keyword, DicomTag Tag, DicomVR VR)[] TopLevel =
    [
        ("SeriesDate", DicomTag.SeriesDate, DicomVR.DA), ("SeriesTime", DicomTag.SeriesTime, DicomVR.TM),
        ("AcquisitionDate", DicomTag.AcquisitionDate, DicomVR.DA), ("AcquisitionTime", DicomTag.AcquisitionTime, DicomVR.TM),
        ("PatientSex", DicomTag.PatientSex, DicomVR.CS), ("PatientSize", DicomTag.PatientSize, DicomVR.DS),
        ("PatientWeight", DicomTag.PatientWeight, DicomVR.DS), ("FrameReferenceTime", DicomTag.FrameReferenceTime, DicomVR.DS),
        ("ActualFrameDuration", DicomTag.ActualFrameDuration, DicomVR.IS), ("DecayCorrection", DicomTag.DecayCorrection, DicomVR.CS),
        ("Units", DicomTag.Units, DicomVR.CS), ("CorrectedImage", DicomTag.CorrectedImage, DicomVR.CS),
    ];

    private static readonly (string Keyword, DicomTag Tag, DicomVR VR)[] Radiopharmaceutical =
    [
        ("RadionuclideTotalDose", DicomTag.RadionuclideTotalDose, DicomVR.DS),
        ("RadionuclideHalfLife", DicomTag.RadionuclideHalfLife, DicomVR.DS),
        ("RadiopharmaceuticalStartTime", DicomTag.RadiopharmaceuticalStartTime, DicomVR.TM),
        ("RadiopharmaceuticalStartDateTime", DicomTag.RadiopharmaceuticalStartDateTime, DicomVR.DT),
    ];

    public static IReadOnlyList<DicomDataset> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var slices = new List<DicomDataset>();
        foreach (JsonElement instance in document.RootElement.EnumerateArray())
        {
            var dataset = new DicomDataset();
            Copy(instance, dataset, TopLevel);
            dataset.SetString(DicomTag.RescaleSlope, DicomVR.DS, "1");
            dataset.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "0");
            var item = new DicomDataset();
            Copy(instance, item, Radiopharmaceutical);
            dataset.AddOrUpdate(new DicomSequence(DicomTag.RadiopharmaceuticalInformationSequence, [item]));
            if (instance.TryGetProperty("PhilipsPETPrivateGroup", out JsonElement philips) &&
                philips.EnumerateObject().Any())
            {
                dataset.SetString(new DicomTag(0x7053, 0x0010), DicomVR.LO, "Philips PET Private Group");
                if (philips.TryGetProperty("SUVScaleFactor", out JsonElement suv))
                {
                    dataset.SetString(new DicomTag(0x7053, 0x1000), DicomVR.DS, suv.GetString()!.Trim());
                }

                if (philips.TryGetProperty("ActivityConcentrationScaleFactor", out JsonElement activity))
                {
                    dataset.SetString(new DicomTag(0x7053, 0x1009), DicomVR.DS, activity.GetString()!.Trim());
                }
            }

            slices.Add(dataset);
        }

        return slices;
    }

    private static void Copy(JsonElement instance, DicomDataset target, (string Keyword, DicomTag Tag, DicomVR VR)[] map)
    {
        foreach ((string keyword, DicomTag tag, DicomVR vr) in map)
        {
            if (!instance.TryGetProperty(keyword, out JsonElement value))
            {
                continue;
            }

            string text = value.ValueKind switch
            {
                JsonValueKind.Array => string.Join('\\', value.EnumerateArray().Select(v => v.GetString())),
                JsonValueKind.String => value.GetString()!.Trim(),
                _ => value.GetRawText(),
            };
            target.SetString(tag, vr, text);
        }
    }
}
