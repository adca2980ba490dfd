namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// TID 4019 Algorithm Identification: Algorithm Name (111001, DCM), Algorithm Version (111003, DCM) and one
/// Algorithm Parameters (111002, DCM) TEXT item per parameter, written as "name=value".
/// </summary>
public sealed record AlgorithmIdentification(string Name, string Version, IReadOnlyList<AlgorithmParameter> Parameters);
