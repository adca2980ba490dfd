namespace PacsNode.Quantification.Phantoms;

/// <summary>Where a generation's wall time went, seconds.</summary>
public sealed record PhantomTimings(double Activity, double Quantise, double Truth, double WritePet, double WriteCt)
{
    public double Total => Activity + Quantise + Truth + WritePet + WriteCt;
}
