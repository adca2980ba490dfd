namespace PacsNode.Quantification.Assessment;

/// <summary>The patient's ZEPHIR group, what it rests on, and the statement for the group that predicts treatment failure.</summary>
public sealed record ZephirResult(ZephirGroup Group, bool Her2Positive, bool EarlyResponse, ResponseBasis Basis, string? Statement)
{
    public bool PredictsTreatmentFailure => ZephirRule.PredictsTreatmentFailure(Group);
}
