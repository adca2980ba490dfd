using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Phantoms;

namespace PacsNode.Interop.Tests.Pipeline;

/// <summary>A generated whole-body PET/CT phantom study for the pipeline tests: its folders, files and UIDs.</summary>
internal sealed record PipelineStudy(PhantomResult Phantom, IReadOnlyList<string> PetFiles, IReadOnlyList<string> CtFiles, string StudyUid, string PetSeriesUid)
{
    /// <summary>64×64×96 PET (4 mm, 3 mm: neck to pelvis with lungs and liver), CT 128² unless <paramref name="withCt"/> is false.</summary>
    public static Task<PipelineStudy> SmallAsync(string folder, CancellationToken ct, bool withCt = true) =>
        GenerateAsync(PhantomSpec.Create(PhantomTracer.Fdg, 64, 64, 96) with { CtMatrix = 128, IncludeCt = withCt }, folder, ct);

    public static async Task<PipelineStudy> GenerateAsync(PhantomSpec spec, string folder, CancellationToken ct)
    {
        PhantomResult phantom = await PhantomGenerator.GenerateAsync(spec, folder, ct);
        string[] pet = [.. Directory.GetFiles(phantom.PetFolder).Order(StringComparer.Ordinal)];
        string[] ctFiles = phantom.CtFolder is null ? [] : [.. Directory.GetFiles(phantom.CtFolder).Order(StringComparer.Ordinal)];
        DicomFile first = await DicomFile.OpenAsync(pet[0], new DicomReaderOptions { StopAtTag = DicomTag.PixelData }, ct);
        return new PipelineStudy(phantom, pet, ctFiles, first.Dataset.GetString(DicomTag.StudyInstanceUID)!,
            first.Dataset.GetString(DicomTag.SeriesInstanceUID)!);
    }
}
