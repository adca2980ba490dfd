using PacsNode.Quantification.Phantoms;

namespace PacsNode.Quantification.Tests.Assessment;

/// <summary>
/// The generated ZEPHIR patient of <see cref="PatientPhantomFixture"/> turned between visits as patients are: 5° about
/// the long axis at the follow-up and −3° at the HER2-PET, on top of the default shifts. Each study quantified once.
/// </summary>
public sealed class RotatedPatientPhantomFixture : PatientPhantomFixture
{
    public RotatedPatientPhantomFixture()
        : base(RotatedSpec, "patient-rotated")
    {
    }

    public static PatientPhantomSpec RotatedSpec { get; } = Spec with { FollowUpRotationZDegrees = 5, Her2RotationZDegrees = -3 };
}
