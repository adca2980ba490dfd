using static PacsNode.Dicom.Network.Upper.UpperLayerAction;

namespace PacsNode.Dicom.Network.Upper;

/// <summary>
/// PS3.8 table 9-10, the upper layer state transition table, transcribed row by row: one row per event, one column
/// per state Sta1 to Sta13; <see cref="None"/> where the standard's cell is empty.
/// </summary>
internal static class StateTable
{
    private static readonly UpperLayerAction[][] Rows =
    [
        //        Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10 Sta11 Sta12 Sta13
        /* Evt1 */ [AE1, None, None, None, None, None, None, None, None, None, None, None, None],
        /* Evt2 */ [None, None, None, AE2, None, None, None, None, None, None, None, None, None],
        /* Evt3 */ [None, AA1, AA8, None, AE3, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA6],
        /* Evt4 */ [None, AA1, AA8, None, AE4, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA6],
        /* Evt5 */ [AE5, None, None, None, None, None, None, None, None, None, None, None, None],
        /* Evt6 */ [None, AE6, AA8, None, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA7],
        /* Evt7 */ [None, None, AE7, None, None, None, None, None, None, None, None, None, None],
        /* Evt8 */ [None, None, AE8, None, None, None, None, None, None, None, None, None, None],
        /* Evt9 */ [None, None, None, None, None, DT1, None, AR7, None, None, None, None, None],
        /* Evt10 */ [None, AA1, AA8, None, AA8, DT2, AR6, AA8, AA8, AA8, AA8, AA8, AA6],
        /* Evt11 */ [None, None, None, None, None, AR1, None, None, None, None, None, None, None],
        /* Evt12 */ [None, AA1, AA8, None, AA8, AR2, AR8, AA8, AA8, AA8, AA8, AA8, AA6],
        /* Evt13 */ [None, AA1, AA8, None, AA8, AA8, AR3, AA8, AA8, AR10, AR3, AA8, AA6],
        /* Evt14 */ [None, None, None, None, None, None, None, AR4, AR9, None, None, AR4, None],
        /* Evt15 */ [None, None, AA1, AA2, AA1, AA1, AA1, AA1, AA1, AA1, AA1, AA1, None],
        /* Evt16 */ [None, AA2, AA3, None, AA3, AA3, AA3, AA3, AA3, AA3, AA3, AA3, AA2],
        /* Evt17 */ [None, AA5, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AA4, AR5],
        /* Evt18 */ [None, AA2, None, None, None, None, None, None, None, None, None, None, AA2],
        /* Evt19 */ [None, AA1, AA8, None, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA8, AA7],
    ];

    public static UpperLayerAction Lookup(UpperLayerEvent evt, UpperLayerState state) => Rows[(int)evt - 1][(int)state - 1];

    /// <summary>The state an action leads to (PS3.8 tables 9-6 to 9-9).</summary>
    public static UpperLayerState Next(UpperLayerAction action, bool isRequestor) => action switch
    {
        AE1 => UpperLayerState.Sta4,
        AE2 => UpperLayerState.Sta5,
        AE3 or AE7 or DT1 or DT2 => UpperLayerState.Sta6,
        AE4 or AR3 or AR5 or AA2 or AA3 or AA4 or AA5 => UpperLayerState.Sta1,
        AE5 => UpperLayerState.Sta2,
        AE6 => UpperLayerState.Sta3,
        AE8 or AR4 or AA1 or AA6 or AA7 or AA8 => UpperLayerState.Sta13,
        AR1 or AR6 => UpperLayerState.Sta7,
        AR2 or AR7 => UpperLayerState.Sta8,
        AR8 => isRequestor ? UpperLayerState.Sta9 : UpperLayerState.Sta10,
        AR9 => UpperLayerState.Sta11,
        AR10 => UpperLayerState.Sta12,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no transition"),
    };
}
