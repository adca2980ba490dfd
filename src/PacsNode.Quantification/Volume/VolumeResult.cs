using System.Diagnostics.CodeAnalysis;

namespace PacsNode.Quantification.Volume;

/// <summary>Either a value or the reason the series could not be made into one.</summary>
public sealed class VolumeResult<T>
    where T : class
{
    private VolumeResult(T? value, VolumeFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public VolumeFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Value is not null;

    internal static VolumeResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    internal static VolumeResult<T> Fail(VolumeFailureReason reason, string message) => new(null, new VolumeFailure(reason, message));

    public override string ToString() => IsSuccess ? Value.ToString() ?? string.Empty : Failure.ToString();
}
