using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PacsNode.Dicom;
using PacsNode.Dicom.Dictionary;
using PacsNode.Dicom.Network.Scu;
using PacsNode.Dicom.Network.Upper;

namespace PacsNode.Host.Commands;

/// <summary>Connecting the <c>find</c>, <c>move</c> and <c>get</c> commands, with one-line errors.</summary>
internal static class QueryRetrieveClient
{
    private static readonly string[] Uncompressed = [DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian];

    /// <summary>
    /// The storage SOP classes <c>get</c> asks back (with the SCP role), as DCMTK's getscu proposes a fixed list:
    /// PET/CT/MR/NM images, their enhanced and legacy-converted forms, and the objects that go with them.
    /// </summary>
    public static IReadOnlyList<string> GetStorageClasses { get; } =
    [
        DicomUid.PositronEmissionTomographyImageStorage, DicomUid.EnhancedPETImageStorage, DicomUid.LegacyConvertedEnhancedPETImageStorage,
        DicomUid.CTImageStorage, DicomUid.EnhancedCTImageStorage, DicomUid.LegacyConvertedEnhancedCTImageStorage,
        DicomUid.MRImageStorage, DicomUid.EnhancedMRImageStorage, DicomUid.NuclearMedicineImageStorage,
        DicomUid.SecondaryCaptureImageStorage, DicomUid.RTStructureSetStorage, DicomUid.SegmentationStorage,
        DicomUid.RealWorldValueMappingStorage, DicomUid.ParametricMapStorage, DicomUid.SpatialRegistrationStorage,
        DicomUid.BasicTextSRStorage, DicomUid.EnhancedSRStorage, DicomUid.ComprehensiveSRStorage, DicomUid.Comprehensive3DSRStorage,
        DicomUid.KeyObjectSelectionDocumentStorage, DicomUid.GrayscaleSoftcopyPresentationStateStorage, DicomUid.EncapsulatedPDFStorage,
    ];

    /// <summary>Storage syntaxes <c>get</c> proposes: uncompressed first, then the lossless ones the node keeps.</summary>
    private static readonly string[] StorageSyntaxes =
    [
        DicomUid.ExplicitVRLittleEndian, DicomUid.ImplicitVRLittleEndian, DicomUid.JPEGLosslessSV1, DicomUid.JPEGLSLossless,
        DicomUid.RLELossless,
    ];

    /// <exception cref="CommandException">The peer cannot be reached, rejects us, or refuses the SOP class.</exception>
    public static async Task<DimseClient> ConnectAsync(
        QueryRetrieveArguments arguments, string sopClassUid, bool withStorage, CancellationToken cancellationToken)
    {
        var contexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [sopClassUid] = Uncompressed };
        if (withStorage)
        {
            foreach (string storage in GetStorageClasses)
            {
                contexts[storage] = StorageSyntaxes;
            }
        }

        var options = new DimseClientOptions
        {
            Host = arguments.Host,
            Port = arguments.Port,
            CalledAeTitle = arguments.CalledAeTitle,
            CallingAeTitle = arguments.CallingAeTitle,
            PresentationContexts = contexts,
            RoleSelections = withStorage ? [.. GetStorageClasses.Select(c => new RoleSelection(c, false, true))] : [],
        };
        DimseClient client;
        try
        {
            client = await DimseClient.ConnectAsync(options, TimeProvider.System, NullLogger.Instance, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or AssociationRejectedException or AssociationAbortedException
            or UpperLayerProtocolException or TimeoutException or ArgumentException)
        {
            throw new CommandException($"cannot associate with {arguments.CalledAeTitle}@{arguments.Host}:{arguments.Port}: {ex.Message}", ex);
        }

        if (!client.Association.Parameters.PresentationContexts.Values.Any(c => c.AbstractSyntax == sopClassUid))
        {
            await client.DisposeAsync();
            throw new CommandException($"{arguments.CalledAeTitle} does not accept {DicomUid.LookupUid(sopClassUid)?.Name ?? sopClassUid}");
        }

        return client;
    }

    /// <summary>Turns the network errors of a running request into one-line command errors.</summary>
    public static CommandException Failed(string what, Exception ex) => new($"{what} failed: {ex.Message}", ex);

    public static bool IsNetworkError(Exception ex) =>
        ex is DicomException or SocketException or AssociationAbortedException or UpperLayerProtocolException or TimeoutException
            or IOException or InvalidOperationException;
}
