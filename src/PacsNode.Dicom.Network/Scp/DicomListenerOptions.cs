using System.Net;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Dicom.Network.Scp;

/// <summary>Where a <see cref="DicomListener"/> listens and how many associations it serves at once.</summary>
public sealed record DicomListenerOptions
{
    public IPAddress Address { get; init; } = IPAddress.Any;

    /// <summary>The TCP port; 0 picks a free one (see <see cref="DicomListener.LocalEndPoint"/>).</summary>
    public int Port { get; init; } = 104;

    /// <summary>Associations served at once; further requests get a transient "local limit exceeded" rejection.</summary>
    public int MaxAssociations { get; init; } = 32;

    public AssociationOptions Association { get; init; } = AssociationOptions.Default;
}
