using System.Diagnostics.CodeAnalysis;

namespace PacsNode.Quantification.Suv;

/// <summary>Either the factors of a series or the reason they cannot be computed. Never a silent default.</summary>
public sealed class SuvResult
{
    private SuvResult(SuvFactors? factors, SuvFailure? failure)
    {
        Factors = factors;
        Failure = failure;
    }

    public SuvFactors? Factors { get; }

    public SuvFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Factors))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Factors is not null;

    public static SuvResult Success(SuvFactors factors) => new(factors ?? throw new ArgumentNullException(nameof(factors)), null);

    public static SuvResult Fail(SuvFailureReason reason, string message) => new(null, new SuvFailure(reason, message));

    public override string ToString() => IsSuccess ? $"SUVbw factor {Factors.SeriesFactorBw}" : Failure.ToString();
}
