using System.Globalization;
using System.Numerics;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;

namespace PacsNode.TestKit;

/// <summary>
/// Makes many instances from one real file by giving copies new Study, Series and SOP Instance UIDs (and instance
/// numbers): realistic headers and pixel data in any quantity, without carrying a large data set.
/// </summary>
public static class DicomStudyFactory
{
    /// <summary>A new UID under the 2.25 root (a UUID as a decimal integer, PS3.5 B.2).</summary>
    public static string NewUid()
    {
        var bytes = new byte[17];
        Guid.NewGuid().TryWriteBytes(bytes);
        return "2.25." + new BigInteger(bytes).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes <paramref name="count"/> copies of <paramref name="source"/> into <paramref name="folder"/>, all in one new
    /// series of <paramref name="studyUid"/>; returns their paths in instance-number order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteSeriesAsync(
        string source, string folder, int count, string studyUid, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var file = await DicomFile.OpenAsync(source, null, cancellationToken);
        var seriesUid = NewUid();
        var paths = new List<string>(count);
        for (var i = 1; i <= count; i++)
        {
            var dataset = file.Dataset;
            dataset.SetString(DicomTag.StudyInstanceUID, DicomVR.UI, studyUid);
            dataset.SetString(DicomTag.SeriesInstanceUID, DicomVR.UI, seriesUid);
            dataset.SetString(DicomTag.SOPInstanceUID, DicomVR.UI, NewUid());
            dataset.SetString(DicomTag.InstanceNumber, DicomVR.IS, i.ToString(CultureInfo.InvariantCulture));
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{i:D5}.dcm"));
            await file.SaveAsync(path, null, cancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
