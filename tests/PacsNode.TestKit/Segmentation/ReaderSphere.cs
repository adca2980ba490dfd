namespace PacsNode.TestKit.Segmentation;

/// <summary>One sphere a reader outlines, with the label and the tracking the reader gives it.</summary>
public sealed record ReaderSphere(string Label, string TrackingId, string TrackingUid, (double X, double Y, double Z) CentreMm, double RadiusMm);
