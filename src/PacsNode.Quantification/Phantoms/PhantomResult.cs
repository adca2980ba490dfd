namespace PacsNode.Quantification.Phantoms;

/// <summary>A generated study: its folders, file counts, truth (also written as truth.json) and timings.</summary>
public sealed record PhantomResult(
    string Folder, string PetFolder, string? CtFolder, int PetFiles, int CtFiles, string TruthPath, PhantomTruth Truth, PhantomTimings Timings);
