namespace PacsNode.Quantification.Assessment;

/// <summary>The patient's HER2-PET pattern from the lesions that have a proposed class, and the load it rests on.</summary>
public sealed record Her2PatientResult(
    Her2Pattern Pattern,
    bool Positive,
    double PositiveShare,
    double PositiveLoad,
    double TotalLoad,
    TumourLoadWeight Weight,
    int Lesions,
    IReadOnlyList<string> Notes);
