using PacsNode.Dicom.Data;
using PacsNode.Dicom.Dictionary;

namespace PacsNode.Quantification.Phantoms;

/// <summary>
/// One CT Image Storage slice: Hounsfield units stored directly as signed 16-bit values (slope 1, intercept 0), from
/// the same anatomy as the PET: air −1000, soft tissue and spheres 40, lung −800, liver 60, spine 700.
/// </summary>
internal static class PhantomCtSlice
{
    public static DicomDataset Build(PhantomSpec spec, PhantomUids uids, PhantomGrid grid, PhantomAnatomy anatomy, int k)
    {
        DicomDataset d = PhantomDatasets.Common(spec, uids, grid, k, DicomUid.CTImageStorage, "CT", uids.CtSeries, 1, "CT phantom");
        d.SetString(DicomTag.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL");
        d.SetString(DicomTag.SeriesDate, DicomVR.DA, PhantomDatasets.Date(spec.ScanStart));
        d.SetString(DicomTag.SeriesTime, DicomVR.TM, PhantomDatasets.Time(spec.ScanStart));
        d.SetString(DicomTag.AcquisitionDate, DicomVR.DA, PhantomDatasets.Date(spec.ScanStart));
        d.SetString(DicomTag.AcquisitionTime, DicomVR.TM, PhantomDatasets.Time(spec.ScanStart));
        d.SetString(DicomTag.AcquisitionNumber, DicomVR.IS, "1");
        d.SetString(DicomTag.PatientPosition, DicomVR.CS, "FFS");
        d.SetString(DicomTag.KVP, DicomVR.DS, "120");
        d.SetString(DicomTag.RescaleIntercept, DicomVR.DS, "0");
        d.SetString(DicomTag.RescaleSlope, DicomVR.DS, "1");
        d.SetString(DicomTag.RescaleType, DicomVR.LO, "HU");
        d.SetString(DicomTag.WindowCenter, DicomVR.DS, "40");
        d.SetString(DicomTag.WindowWidth, DicomVR.DS, "400");
        var pixels = new short[grid.PlaneSize];
        double z = grid.Z(k);
        for (int j = 0; j < grid.Rows; j++)
        {
            double y = grid.Y(j);
            for (int i = 0; i < grid.Columns; i++)
            {
                pixels[(j * grid.Columns) + i] = anatomy.Hu(grid.X(i), y, z);
            }
        }

        d.AddOrUpdate(PhantomDatasets.Pixels(pixels));
        return d;
    }
}
