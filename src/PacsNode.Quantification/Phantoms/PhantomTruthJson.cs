using System.Globalization;
using System.Text.Json;

namespace PacsNode.Quantification.Phantoms;

/// <summary>Writes <c>truth.json</c> (format "pacsnode-phantom-truth/1"; the shape is documented in the README).</summary>
public static class PhantomTruthJson
{
    public const string Format = "pacsnode-phantom-truth/1";

    public static byte[] Serialize(PhantomTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            PhantomSpec spec = truth.Spec;
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("tracer", spec.Tracer == PhantomTracer.Zr89 ? "zr89" : "fdg");
            w.WriteString("petFolder", PhantomGenerator.PetFolder);
            w.WriteString("ctFolder", spec.IncludeCt ? PhantomGenerator.CtFolder : null);
            w.WriteString("studyInstanceUid", truth.StudyInstanceUid);
            w.WriteString("petSeriesInstanceUid", truth.PetSeriesInstanceUid);
            w.WriteString("ctSeriesInstanceUid", truth.CtSeriesInstanceUid);
            w.WriteString("frameOfReferenceUid", truth.FrameOfReferenceUid);
            w.WriteNumber("suvBwFactor", truth.SuvBwFactor);
            w.WriteNumber("decayedDoseBq", truth.DecayedDoseBq);
            w.WriteNumber("uptakeSeconds", truth.UptakeSeconds);
            w.WriteNumber("halfLifeSeconds", spec.HalfLifeSeconds);
            w.WriteString("voxelOrder", "index = x + columns*(y + rows*z); z = 0 is the lowest slice (ascending patient z)");
            w.WriteStartObject("petGrid");
            w.WriteNumber("columns", spec.Columns);
            w.WriteNumber("rows", spec.Rows);
            w.WriteNumber("slices", spec.Slices);
            w.WriteNumber("pixelSpacingMm", spec.PixelSpacingMm);
            w.WriteNumber("sliceSpacingMm", spec.SliceSpacingMm);
            Triple(w, "originMm", truth.PetOriginMm.X, truth.PetOriginMm.Y, truth.PetOriginMm.Z);
            w.WriteNumber("voxelMl", truth.VoxelMillilitres);
            w.WriteEndObject();
            if (spec.IncludeCt)
            {
                w.WriteStartObject("ctGrid");
                w.WriteNumber("matrix", spec.CtMatrix);
                w.WriteNumber("slices", truth.CtSliceCount);
                w.WriteNumber("pixelSpacingMm", truth.CtPixelSpacingMm);
                w.WriteNumber("sliceSpacingMm", spec.CtSliceSpacingMm ?? spec.SliceSpacingMm);
                w.WriteEndObject();
            }

            Parameters(w, spec);
            w.WriteStartArray("spheres");
            foreach (PhantomSphereTruth s in truth.Spheres)
            {
                w.WriteStartObject();
                w.WriteNumber("number", s.Number);
                Triple(w, "centreMm", s.Sphere.X, s.Sphere.Y, s.Sphere.Z);
                w.WriteNumber("diameterMm", s.Sphere.DiameterMm);
                w.WriteNumber("nominalSuv", s.Sphere.Suv);
                w.WriteNumber("voxelCount", s.VoxelCount);
                w.WriteNumber("mtvMl", s.MtvMl);
                Number(w, "suvMax", s.SuvMax);
                Voxel(w, "maxVoxel", s.MaxVoxel);
                Number(w, "suvMean", s.SuvMean);
                Number(w, "suvPeak", s.SuvPeak);
                Voxel(w, "peakVoxel", s.PeakVoxel);
                Voxel(w, "centreVoxel", s.CentreVoxel);
                Number(w, "centreSuv", s.CentreSuv);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            PhantomLiverTruth liver = truth.Liver;
            w.WriteStartObject("liver");
            Triple(w, "centreMm", liver.Ellipsoid.X, liver.Ellipsoid.Y, liver.Ellipsoid.Z);
            Triple(w, "semiAxesMm", liver.Ellipsoid.SemiAxisX, liver.Ellipsoid.SemiAxisY, liver.Ellipsoid.SemiAxisZ);
            w.WriteNumber("nominalSuv", liver.NominalSuv);
            w.WriteNumber("voxelCount", liver.VoxelCount);
            Number(w, "suvMean", liver.SuvMean);
            w.WriteStartObject("sphere3cm");
            w.WriteNumber("voxelCount", liver.Sphere3CmVoxelCount);
            Number(w, "suvMean", liver.Sphere3CmSuvMean);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Parameters(Utf8JsonWriter w, PhantomSpec spec)
    {
        w.WriteStartObject("parameters");
        w.WriteNumber("patientWeightKg", spec.PatientWeightKg);
        w.WriteNumber("patientHeightM", spec.PatientHeightM);
        w.WriteString("patientSex", spec.PatientSex);
        w.WriteNumber("injectedDoseBq", spec.InjectedDoseBq);
        w.WriteString("injectionTime", spec.InjectionTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        w.WriteString("scanStart", spec.ScanStart.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        w.WriteNumber("bedDurationSeconds", spec.BedDurationSeconds);
        w.WriteNumber("bedLengthMm", spec.BedLengthMm);
        w.WriteNumber("seed", spec.Seed);
        w.WriteNumber("noiseLevel", spec.NoiseLevel);
        w.WriteNumber("smoothingFwhmMm", spec.SmoothingFwhmMm);
        w.WriteBoolean("noiseBeforeSmoothing", spec.NoiseBeforeSmoothing);
        w.WriteNumber("backgroundSuv", spec.BackgroundSuv);
        w.WriteNumber("lungSuv", spec.LungSuv);
        w.WriteNumber("liverSuv", spec.LiverSuv);
        w.WriteNumber("bodySemiAxisXMm", spec.BodySemiAxisXMm);
        w.WriteNumber("bodySemiAxisYMm", spec.BodySemiAxisYMm);
        w.WriteNumber("bodyCentreXMm", spec.BodyCentreXMm);
        w.WriteNumber("bodyCentreYMm", spec.BodyCentreYMm);
        w.WriteNumber("bodyRotationZDegrees", spec.BodyRotationZDegrees);
        Ellipsoid(w, "rightLung", spec.RightLung);
        Ellipsoid(w, "leftLung", spec.LeftLung);
        Ellipsoid(w, "liver", spec.Liver);
        w.WriteBoolean("includeBone", spec.IncludeBone);
        w.WriteEndObject();
    }

    private static void Ellipsoid(Utf8JsonWriter w, string name, PhantomEllipsoid e)
    {
        w.WriteStartObject(name);
        Triple(w, "centreMm", e.X, e.Y, e.Z);
        Triple(w, "semiAxesMm", e.SemiAxisX, e.SemiAxisY, e.SemiAxisZ);
        w.WriteEndObject();
    }

    /// <summary>A number, or null when there is none (a sphere or liver with no voxel inside the volume).</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Triple(Utf8JsonWriter w, string name, double x, double y, double z)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(x);
        w.WriteNumberValue(y);
        w.WriteNumberValue(z);
        w.WriteEndArray();
    }

    private static void Voxel(Utf8JsonWriter w, string name, PhantomVoxel v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.X);
        w.WriteNumberValue(v.Y);
        w.WriteNumberValue(v.Z);
        w.WriteEndArray();
    }
}
