namespace PacsNode.Dicom.Network.Upper;

/// <summary>The user identity type of a user identity negotiation sub-item (PS3.7 table D.3-14).</summary>
public enum UserIdentityType : byte
{
    Username = 1,
    UsernameAndPasscode = 2,
    KerberosServiceTicket = 3,
    SamlAssertion = 4,
    JsonWebToken = 5,
}
