using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>
/// A NUM content item of TID 1419: concept (e.g. SUVbw 126401), optional Derivation (121401, DCM) such as Maximum,
/// the value and its UCUM unit (<see cref="Units"/>).
/// </summary>
public sealed record Measurement(Code Concept, Code? Derivation, double Value, Code Unit);
