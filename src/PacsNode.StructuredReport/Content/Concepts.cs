namespace PacsNode.StructuredReport.Content;

/// <summary>
/// The coded concepts the report uses (PS3.16; checked against DCMTK's dcmsr code headers and CIDs, see
/// shared/reference/domain-research.md 4.2). Current SCT codes, not the retired SRT ones.
/// </summary>
public static class Concepts
{
    public static Code ImagingMeasurementReport { get; } = new("126000", "DCM", "Imaging Measurement Report");
    public static Code LanguageOfContent { get; } = new("121049", "DCM", "Language of Content Item and Descendants");
    public static Code EnglishUnitedStates { get; } = new("en-US", "RFC5646", "English (United States)");
    public static Code ObserverType { get; } = new("121005", "DCM", "Observer Type");
    public static Code Device { get; } = new("121007", "DCM", "Device");
    public static Code DeviceObserverUid { get; } = new("121012", "DCM", "Device Observer UID");
    public static Code DeviceObserverName { get; } = new("121013", "DCM", "Device Observer Name");
    public static Code DeviceObserverManufacturer { get; } = new("121014", "DCM", "Device Observer Manufacturer");
    public static Code DeviceObserverModelName { get; } = new("121015", "DCM", "Device Observer Model Name");
    public static Code DeviceObserverSerialNumber { get; } = new("121016", "DCM", "Device Observer Serial Number");
    public static Code ProcedureReported { get; } = new("121058", "DCM", "Procedure reported");
    public static Code PetWholeBody { get; } = new("44139-4", "LN", "PET whole body");
    public static Code PetCtFdgWholeBody { get; } = new("443271005", "SCT", "PET/CT FDG imaging of whole body");

    public static Code ImageLibrary { get; } = new("111028", "DCM", "Image Library");
    public static Code ImageLibraryGroup { get; } = new("126200", "DCM", "Image Library Group");
    public static Code Modality { get; } = new("121139", "DCM", "Modality");
    public static Code ModalityPet { get; } = new("PT", "DCM", "Positron emission tomography");
    public static Code ModalityCt { get; } = new("CT", "DCM", "Computed Tomography");
    public static Code FrameOfReferenceUid { get; } = new("112227", "DCM", "Frame of Reference UID");
    public static Code Radionuclide { get; } = new("89457008", "SCT", "Radionuclide");
    public static Code RadiopharmaceuticalAgent { get; } = new("417881006", "SCT", "Radiopharmaceutical agent");
    public static Code HalfLifeOfRadiopharmaceutical { get; } = new("304283002", "SCT", "Half-life of radiopharmaceutical");
    public static Code RadiopharmaceuticalStartDateTime { get; } = new("123003", "DCM", "Radiopharmaceutical Start DateTime");
    public static Code RadionuclideTotalDose { get; } = new("123006", "DCM", "Radionuclide Total Dose");
    public static Code Fluorine18 { get; } = new("77004003", "SCT", "^18^Fluorine");
    public static Code Zirconium89 { get; } = new("63360001", "SCT", "^89^Zirconium");
    public static Code Fluorodeoxyglucose { get; } = new("35321007", "SCT", "Fluorodeoxyglucose F^18^");

    public static Code ImagingMeasurements { get; } = new("126010", "DCM", "Imaging Measurements");
    public static Code MeasurementGroup { get; } = new("125007", "DCM", "Measurement Group");
    public static Code TrackingIdentifier { get; } = new("112039", "DCM", "Tracking Identifier");
    public static Code TrackingUniqueIdentifier { get; } = new("112040", "DCM", "Tracking Unique Identifier");
    public static Code Finding { get; } = new("121071", "DCM", "Finding");
    public static Code FindingSite { get; } = new("363698007", "SCT", "Finding Site");
    public static Code TimePoint { get; } = new("C2348792", "UMLS", "Time Point");
    public static Code ReferencedSegment { get; } = new("121191", "DCM", "Referenced Segment");
    public static Code SourceSeriesForSegmentation { get; } = new("121232", "DCM", "Source series for segmentation");
    public static Code MeasurementMethod { get; } = new("370129005", "SCT", "Measurement Method");
    public static Code Derivation { get; } = new("121401", "DCM", "Derivation");
    public static Code AlgorithmName { get; } = new("111001", "DCM", "Algorithm Name");
    public static Code AlgorithmVersion { get; } = new("111003", "DCM", "Algorithm Version");
    public static Code AlgorithmParameters { get; } = new("111002", "DCM", "Algorithm Parameters");
    public static Code QualitativeEvaluations { get; } = new("C0034375", "UMLS", "Qualitative Evaluations");
    public static Code Comment { get; } = new("121106", "DCM", "Comment");

    public static Code Lesion { get; } = new("52988006", "SCT", "Lesion");
    public static Code Liver { get; } = new("10200004", "SCT", "Liver");

    public static Code SuvBw { get; } = new("126401", "DCM", "SUVbw");
    public static Code SuvLbmJanma { get; } = new("126405", "DCM", "SUVlbm(Janma)");
    public static Code MetabolicVolume { get; } = new("126032", "DCM", "Metabolic Volume");
    public static Code TotalLesionGlycolysis { get; } = new("126033", "DCM", "Total Lesion Glycolysis");
    public static Code LesionToBackgroundRatio { get; } = new("126039", "DCM", "Lesion to Background SUV Ratio");
    public static Code Maximum { get; } = new("56851009", "SCT", "Maximum");
    public static Code Mean { get; } = new("373098007", "SCT", "Mean");
    public static Code PeakValueWithinRoi { get; } = new("126031", "DCM", "Peak Value Within ROI");
    public static Code SuvBodyWeightMethod { get; } = new("126410", "DCM", "SUV body weight calculation method");
    public static Code SuvLbmJanmaMethod { get; } = new("126414", "DCM", "SUV lean body mass Janmahasatian calculation method");

    /// <summary>Segmented Property Category (CID 7150) and Type (CID 7151) for SEG segments.</summary>
    public static Code MorphologicallyAlteredStructure { get; } = new("49755003", "SCT", "Morphologically Altered Structure");
    public static Code Mass { get; } = new("4147007", "SCT", "Mass");
    public static Code AnatomicalStructure { get; } = new("123037004", "SCT", "Anatomical Structure");

    /// <summary>
    /// 99PACSNODE private concepts for the "not quantified" report (DICOM has none): a CODE item
    /// Quantification status = Not quantified, and TEXT items for the stage, the reason and the message.
    /// </summary>
    public static Code QuantificationStatus { get; } = new("QSTATUS", "99PACSNODE", "Quantification status");
    public static Code NotQuantified { get; } = new("NOTQUANT", "99PACSNODE", "Not quantified");
    public static Code NotQuantifiedStage { get; } = new("NQSTAGE", "99PACSNODE", "Stage that stopped quantification");
    public static Code NotQuantifiedReason { get; } = new("NQREASON", "99PACSNODE", "Reason not quantified");
    public static Code NotQuantifiedMessage { get; } = new("NQMESSAGE", "99PACSNODE", "Why not quantified");
}
