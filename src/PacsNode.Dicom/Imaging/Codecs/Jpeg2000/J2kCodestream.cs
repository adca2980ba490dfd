namespace PacsNode.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>A parsed codestream: the main header's markers and every tile's gathered tile-parts.</summary>
internal sealed class J2kCodestream(SizMarker siz, MarkerSet main, J2kTile[] tiles)
{
    public SizMarker Siz { get; } = siz;

    public MarkerSet Main { get; } = main;

    public J2kTile[] Tiles { get; } = tiles;

    public CodingStyle CodingFor(J2kTile tile) =>
        tile.Markers.Cod ?? Main.Cod ?? throw J2kError.Corrupt("the main header has no COD marker.");

    public ComponentCodingStyle ComponentCodingFor(J2kTile tile, int component) =>
        tile.Markers.Coc[component] ?? tile.Markers.Cod?.Component ?? Main.Coc[component] ?? CodingFor(tile).Component;

    public QuantizationParameters QuantizationFor(J2kTile tile, int component) =>
        tile.Markers.Qcc[component] ?? tile.Markers.Qcd ?? Main.Qcc[component] ?? Main.Qcd ??
        throw J2kError.Corrupt("the main header has no QCD marker.");

    public int RoiShiftFor(J2kTile tile, int component) => tile.Markers.RoiShift[component] ?? Main.RoiShift[component] ?? 0;

    public IReadOnlyList<ProgressionChange> ProgressionChangesFor(J2kTile tile) =>
        tile.Markers.ProgressionChanges.Count > 0 ? tile.Markers.ProgressionChanges : Main.ProgressionChanges;
}
