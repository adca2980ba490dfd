namespace PacsNode.Storage.Queries;

/// <summary>Why an identifier was refused; the network layer answers A900 (Identifier does not match SOP Class)
/// or C000 (Unable to process) accordingly.</summary>
public enum QueryError
{
    /// <summary>Query/Retrieve Level is missing or not one the model has.</summary>
    InvalidLevel,

    /// <summary>A unique key of a higher level is missing or not a single value (hierarchical rules, PS3.4 C.4.1.2).</summary>
    MissingUniqueKey,

    /// <summary>A key's value cannot be read for its matching type (e.g. "2024-13" for a DA range).</summary>
    InvalidKeyValue,
}
