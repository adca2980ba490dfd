namespace PacsNode.Quantification.Assessment;

/// <summary>
/// The private codes of the patient-level qualitative evaluations (issue 6 part 6, DOMAIN.md section 6): DICOM has no
/// codes for HER2-PET classes, patterns, EORTC/PERCIST categories or the ZEPHIR groups, so they are coded in
/// <see cref="Scheme"/>, which a report must declare in its Coding Scheme Identification Sequence. Concept names are
/// the <c>Concept*</c> constants; their values the other constants. <see cref="Meaning"/> gives each code's meaning.
/// </summary>
public static class AssessmentCodes
{
    /// <summary>Coding Scheme Designator of every code here.</summary>
    public const string Scheme = "99PACSNODE";

    /// <summary>Coding Scheme Name for the Coding Scheme Identification Sequence.</summary>
    public const string SchemeName = "PacsNode patient assessment codes";

    public const string ConceptHer2Class = "HER2CLASS";
    public const string ConceptHer2Status = "HER2STATUS";
    public const string ConceptHer2Pattern = "HER2PATTERN";
    public const string ConceptEortc = "EORTC";
    public const string ConceptPercist = "PERCIST";
    public const string ConceptZephirGroup = "ZEPHIRGROUP";

    public const string Her2Class1 = "HER2-1";
    public const string Her2Class2 = "HER2-2";
    public const string Her2Class3 = "HER2-3";
    public const string Her2Class4 = "HER2-4";

    public const string StatusPositive = "POS";
    public const string StatusNegative = "NEG";

    public const string PatternA = "A";
    public const string PatternB = "B";
    public const string PatternC = "C";
    public const string PatternD = "D";

    public const string ResponseCmr = "CMR";
    public const string ResponsePmr = "PMR";
    public const string ResponseSmd = "SMD";
    public const string ResponsePmd = "PMD";

    public const string GroupPositiveResponse = "POS-RESP";
    public const string GroupPositiveNoResponse = "POS-NORESP";
    public const string GroupNegativeResponse = "NEG-RESP";
    public const string GroupNegativeNoResponse = "NEG-NORESP";

    private static readonly Dictionary<string, string> ConceptMeanings = new(StringComparer.Ordinal)
    {
        [ConceptHer2Class] = "HER2-PET lesion class",
        [ConceptHer2Status] = "HER2-PET lesion status",
        [ConceptHer2Pattern] = "HER2-PET patient pattern",
        [ConceptEortc] = "EORTC 1999 metabolic response",
        [ConceptPercist] = "PERCIST 1.0 metabolic response",
        [ConceptZephirGroup] = "ZEPHIR HER2-PET and early metabolic response group",
    };

    private static readonly Dictionary<string, string> ValueMeanings = new(StringComparer.Ordinal)
    {
        [Her2Class1] = "HER2-PET class 1, no uptake",
        [Her2Class2] = "HER2-PET class 2, uptake near background",
        [Her2Class3] = "HER2-PET class 3, visible uptake",
        [Her2Class4] = "HER2-PET class 4, clearly visible high uptake",
        [StatusPositive] = "HER2-PET positive",
        [StatusNegative] = "HER2-PET negative",
        [PatternA] = "HER2-PET pattern A, all tumour load positive",
        [PatternB] = "HER2-PET pattern B, dominant part positive",
        [PatternC] = "HER2-PET pattern C, minor part positive",
        [PatternD] = "HER2-PET pattern D, no tumour load positive",
        [ResponseCmr] = "Complete metabolic response",
        [ResponsePmr] = "Partial metabolic response",
        [ResponseSmd] = "Stable metabolic disease",
        [ResponsePmd] = "Progressive metabolic disease",
        [GroupPositiveResponse] = "HER2-PET positive, early metabolic response",
        [GroupPositiveNoResponse] = "HER2-PET positive, no early metabolic response",
        [GroupNegativeResponse] = "HER2-PET negative, early metabolic response",
        [GroupNegativeNoResponse] = "HER2-PET negative, no response: predicts treatment failure",
    };

    /// <summary>The code meaning of a concept or value code of this scheme.</summary>
    /// <exception cref="ArgumentException">The code is not one of this scheme's.</exception>
    public static string Meaning(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ConceptMeanings.TryGetValue(code, out string? concept) ? concept
            : ValueMeanings.TryGetValue(code, out string? value) ? value
            : throw new ArgumentException($"'{code}' is not a {Scheme} code", nameof(code));
    }

    public static string Her2Class(int proposedClass) => proposedClass switch
    {
        1 => Her2Class1,
        2 => Her2Class2,
        3 => Her2Class3,
        4 => Her2Class4,
        _ => throw new ArgumentOutOfRangeException(nameof(proposedClass), proposedClass, "HER2-PET classes are 1–4"),
    };

    public static string Status(bool positive) => positive ? StatusPositive : StatusNegative;

    public static string Pattern(Her2Pattern pattern) => pattern switch
    {
        Assessment.Her2Pattern.A => PatternA,
        Assessment.Her2Pattern.B => PatternB,
        Assessment.Her2Pattern.C => PatternC,
        _ => PatternD,
    };

    public static string Response(ResponseCategory category) => category switch
    {
        ResponseCategory.Cmr => ResponseCmr,
        ResponseCategory.Pmr => ResponsePmr,
        ResponseCategory.Smd => ResponseSmd,
        _ => ResponsePmd,
    };

    public static string Group(ZephirGroup group) => group switch
    {
        ZephirGroup.PositiveResponse => GroupPositiveResponse,
        ZephirGroup.PositiveNoResponse => GroupPositiveNoResponse,
        ZephirGroup.NegativeResponse => GroupNegativeResponse,
        _ => GroupNegativeNoResponse,
    };
}
