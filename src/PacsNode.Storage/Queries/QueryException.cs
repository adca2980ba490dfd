using PacsNode.Dicom.Dictionary;

namespace PacsNode.Storage.Queries;

/// <summary>A C-FIND or retrieve identifier that cannot be processed.</summary>
public sealed class QueryException : Exception
{
    public QueryException()
    {
    }

    public QueryException(string message)
        : base(message)
    {
    }

    public QueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public QueryException(QueryError error, DicomTag? tag, string message)
        : base(message)
    {
        Error = error;
        Tag = tag;
    }

    public QueryError Error { get; }

    /// <summary>The offending attribute (for the Offending Element list of the response), where there is one.</summary>
    public DicomTag? Tag { get; }
}
