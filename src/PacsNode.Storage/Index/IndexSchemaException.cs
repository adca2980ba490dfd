namespace PacsNode.Storage.Index;

/// <summary>The index database cannot be used by this version of the code (for example, it is newer).</summary>
public sealed class IndexSchemaException : Exception
{
    public IndexSchemaException()
    {
    }

    public IndexSchemaException(string message)
        : base(message)
    {
    }

    public IndexSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
