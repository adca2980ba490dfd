using PacsNode.StructuredReport.Content;

namespace PacsNode.StructuredReport.Tid1500;

/// <summary>A CODE content item: a coded question and its coded answer (possibly in the 99PACSNODE private scheme).</summary>
public sealed record QualitativeEvaluation(Code Concept, Code Value);
