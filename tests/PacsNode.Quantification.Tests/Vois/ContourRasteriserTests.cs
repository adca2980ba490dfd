using PacsNode.Quantification.Vois;
using Xunit;

namespace PacsNode.Quantification.Tests.Vois;

public sealed class ContourRasteriserTests
{
    [Fact]
    public void Fill_SquareWithSquareHole_ExcludesTheHoleByEvenOdd()
    {
        (double X, double Y)[] outer = [(-0.5, -0.5), (10.5, -0.5), (10.5, 10.5), (-0.5, 10.5)];
        (double X, double Y)[] hole = [(2.5, 2.5), (2.5, 7.5), (7.5, 7.5), (7.5, 2.5)];

        List<(int X, int Y)> inside = ContourRasteriser.Fill([outer, hole], 20, 20);

        Assert.Equal((11 * 11) - (5 * 5), inside.Count);
        Assert.Contains((0, 0), inside);
        Assert.Contains((2, 5), inside);
        Assert.DoesNotContain((3, 5), inside);
        Assert.DoesNotContain((5, 5), inside);
        Assert.DoesNotContain((11, 5), inside);
    }

    [Fact]
    public void Fill_Triangle_TakesCentresInsideOnly()
    {
        // Right triangle with legs on x = −0.25 and y = −0.25 and hypotenuse x + y = 3.5.
        (double X, double Y)[] triangle = [(-0.25, -0.25), (3.75, -0.25), (-0.25, 3.75)];

        List<(int X, int Y)> inside = ContourRasteriser.Fill([triangle], 10, 10);

        // x + y ≤ 3 (the hypotenuse is x + y = 3.5): 4 + 3 + 2 + 1 centres.
        Assert.Equal(10, inside.Count);
        Assert.All(inside, v => Assert.True(v.X + v.Y <= 3));
    }

    [Fact]
    public void Fill_PolygonPartlyOffTheImage_IsClippedToTheMatrix()
    {
        (double X, double Y)[] square = [(-5.5, -5.5), (2.5, -5.5), (2.5, 2.5), (-5.5, 2.5)];

        List<(int X, int Y)> inside = ContourRasteriser.Fill([square], 10, 10);

        Assert.Equal(9, inside.Count);
    }
}
