namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// What distinguishes the two inverse wavelet transforms that <see cref="InverseDwt"/> runs: the sample type, how a
/// sub-band coefficient becomes a sample (dequantisation), and the 1D lifting of one interleaved line. Implemented by
/// structs so that the generic transform is specialised per filter by the JIT (no delegate or interface call per sample).
/// </summary>
/// <typeparam name="T">The sample type: <see cref="int"/> for 5/3 reversible, <see cref="float"/> for 9/7 irreversible.</typeparam>
internal interface IWaveletFilter<T>
    where T : struct
{
    /// <summary>The sample a sub-band's coefficient stands for (coefficients carry the half-step bit).</summary>
    static abstract T Dequantise(SubBand band, int coefficient);

    /// <summary>1D_SR on one interleaved line whose first sample sits at coordinate <paramref name="start"/>.</summary>
    static abstract void Lift(Span<T> line, int start);
}
