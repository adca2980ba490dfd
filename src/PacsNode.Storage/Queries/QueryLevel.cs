namespace PacsNode.Storage.Queries;

/// <summary>Query/Retrieve Level (0008,0052), in hierarchy order.</summary>
public enum QueryLevel
{
    Patient,
    Study,
    Series,
    Image,
}
