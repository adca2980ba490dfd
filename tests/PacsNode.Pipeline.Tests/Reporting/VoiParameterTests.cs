using PacsNode.Pipeline.Reporting;
using PacsNode.StructuredReport.Tid1500;
using Xunit;

namespace PacsNode.Pipeline.Tests.Reporting;

/// <summary>What the per-series report writes as its "VOI" parameter, the patient step reads back.</summary>
public sealed class VoiParameterTests
{
    [Theory]
    [InlineData(true, "RTSTRUCT")]
    [InlineData(false, "SEG")]
    public void TryReadReader_WhatReaderWrote_GivesKindAndUidBack(bool isRtStruct, string kind)
    {
        AlgorithmParameter written = VoiParameter.Reader(isRtStruct, "1.2.826.0.1.3680043.10.1.5");
        var algorithm = new AlgorithmIdentification("PacsNode PET quantification", "1", [new("SUVpeak sphere", "1 cm3"), written]);

        Assert.Equal(("VOI", $"reader {kind} 1.2.826.0.1.3680043.10.1.5"), (written.Name, written.Value));
        Assert.True(VoiParameter.TryReadReader(algorithm, out bool readRtStruct, out string? uid));
        Assert.Equal((isRtStruct, "1.2.826.0.1.3680043.10.1.5"), (readRtStruct, uid));
    }

    [Fact]
    public void TryReadReader_AutomaticOrNoAlgorithm_IsFalse()
    {
        var automatic = new AlgorithmIdentification("PacsNode PET quantification", "1", [VoiParameter.Automatic("41% of SUVmax, 26-connected")]);

        Assert.False(VoiParameter.TryReadReader(automatic, out _, out string? uid));
        Assert.Null(uid);
        Assert.False(VoiParameter.TryReadReader(null, out _, out _));
    }
}
