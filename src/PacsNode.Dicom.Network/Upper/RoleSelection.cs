namespace PacsNode.Dicom.Network.Upper;

/// <summary>An SCP/SCU role selection sub-item (PS3.7 D.3.3.4): whether the sender proposes (in the RQ) or accepts
/// (in the AC) to act as SCU and as SCP for one SOP class.</summary>
public sealed record RoleSelection(string SopClassUid, bool ScuRole, bool ScpRole);
