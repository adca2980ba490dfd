namespace PacsNode.Dicom.Network.Upper;

/// <summary>The asynchronous operations window sub-item (PS3.7 D.3.3.3); 0 means unlimited, 1 means synchronous.</summary>
public readonly record struct AsynchronousOperationsWindow(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed);
