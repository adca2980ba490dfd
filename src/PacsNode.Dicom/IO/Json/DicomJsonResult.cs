using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Dicom.IO.Json;

/// <summary>A dataset read from DICOM JSON and the bulk data elements whose URIs could not be resolved.</summary>
public sealed record DicomJsonResult(DicomDataset Dataset, IReadOnlyList<DicomTag> UnresolvedBulkData);
