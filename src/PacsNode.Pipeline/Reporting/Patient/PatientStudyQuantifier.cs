using PacsNode.Dicom;
using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.IO;
using PacsNode.Quantification.Assessment;
using PacsNode.Quantification.Kernels;
using PacsNode.Quantification.Lesions;
using PacsNode.Storage.Index;

namespace PacsNode.Pipeline.Reporting.Patient;

/// <summary>
/// Quantifies one PET series for the patient assessment on the same VOIs as its current per-series report: when that
/// report's "VOI" parameter (<see cref="VoiParameter"/>) names a reader's RTSTRUCT or SEG, the reader's object is read
/// from the index and measured, and each reader VOI carries its <see cref="ReaderTracking"/> (so the reader's tracking
/// identifiers take precedence over position matching, DOMAIN.md section 5); otherwise lesions are detected
/// automatically with the per-series reports' settings. A reader's object that is gone or cannot be measured falls
/// back to automatic detection, with a note; it never fails the patient step.
/// </summary>
internal sealed class PatientStudyQuantifier
{
    /// <summary>How every note of a fallback to automatic detection ends (the job summary repeats those notes).</summary>
    public const string FallbackNote = "lesions detected automatically instead";

    private const string VoiStage = "voi";

    private readonly IndexCatalog _catalog;
    private readonly PetQuantifier _quantifier;
    private readonly LesionDetectionOptions _detection;

    public PatientStudyQuantifier(IndexCatalog catalog, IVolumeKernels kernels, LesionDetectionOptions detection)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(kernels);
        ArgumentNullException.ThrowIfNull(detection);
        _catalog = catalog;
        _quantifier = new PetQuantifier(kernels);
        _detection = detection;
    }

    /// <summary>Quantifies the series.</summary>
    /// <param name="files">The PET series' files, with pixel data.</param>
    /// <param name="report">The series' current report; null when it has none.</param>
    /// <param name="notes">Receives which reader object was measured, or why it was not.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<StudyQuantification> QuantifyAsync(
        IReadOnlyList<DicomFile> files, SeriesReport? report, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(notes);
        DicomDataset header = files[0].Dataset;
        string series = header.GetString(DicomTag.SeriesInstanceUID) ?? string.Empty;
        if (report is not null && VoiParameter.TryReadReader(report.Report.Algorithm, out bool isRtStruct, out string? readerUid))
        {
            string what = $"reader {(isRtStruct ? "RTSTRUCT" : "SEG")} {readerUid}";
            DicomDataset? reader = await ReadAsync(readerUid, cancellationToken).ConfigureAwait(false);
            if (reader is null)
            {
                notes.Add($"PET series {series}: its report measured the VOIs of {what}, which the node no longer holds or cannot read; {FallbackNote}");
            }
            else
            {
                var request = new QuantifyRequest { Detection = _detection, RtStruct = isRtStruct ? reader : null, Seg = isRtStruct ? null : reader };
                QuantifyResult result = await _quantifier.QuantifyAsync(files, request, cancellationToken).ConfigureAwait(false);
                if (result.IsSuccess)
                {
                    notes.Add($"PET series {series}: VOIs of {what}, as in its current report");
                    return StudyQuantification.From(header, result) with { ReaderTracking = ReaderTracking.Of(result.Vois) };
                }

                if (!string.Equals(result.Failure.Stage, VoiStage, StringComparison.Ordinal))
                {
                    // The series itself cannot be quantified (SUV, volume): detection would fail the same way.
                    return StudyQuantification.From(header, result);
                }

                notes.Add($"PET series {series}: the VOIs of {what} could not be measured ({result.Failure.Reason}: {result.Failure.Message}); {FallbackNote}");
            }
        }

        QuantifyResult automatic = await _quantifier.QuantifyAsync(files, new QuantifyRequest { Detection = _detection }, cancellationToken).ConfigureAwait(false);
        return StudyQuantification.From(header, automatic);
    }

    private async Task<DicomDataset?> ReadAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        if (await _catalog.FindInstanceAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false) is not { } instance)
        {
            return null;
        }

        try
        {
            return (await DicomFile.OpenAsync(instance.FilePath, null, cancellationToken).ConfigureAwait(false)).Dataset;
        }
        catch (Exception ex) when (ex is DicomException or IOException)
        {
            return null;
        }
    }
}
