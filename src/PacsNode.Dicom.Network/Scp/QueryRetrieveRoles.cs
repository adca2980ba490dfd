using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>The Query/Retrieve roles a <see cref="DimseDispatcher"/> serves, and how C-MOVE reaches destinations.</summary>
public sealed record QueryRetrieveRoles
{
    public IFindScp? Find { get; init; }

    public IMoveScp? Move { get; init; }

    public IGetScp? Get { get; init; }

    /// <summary>Timers and PDU size of the associations C-MOVE opens to its destinations.</summary>
    public AssociationOptions MoveAssociation { get; init; } = AssociationOptions.Default;
}
