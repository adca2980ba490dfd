using PacsNode.Dicom.Data.Values;
using Xunit;

namespace PacsNode.Dicom.Tests.Data.Values;

public sealed class DicomPersonNameTests
{
    [Fact]
    public void TryParse_FiveComponents_FillsEachComponent()
    {
        Assert.True(DicomPersonName.TryParse(
            "Morrison-Jones^Susan^Elizabeth^Dr.^Ph.D, Chief Executive Officer", out DicomPersonName? name));

        Assert.Equal(
            ("Morrison-Jones", "Susan", "Elizabeth", "Dr.", "Ph.D, Chief Executive Officer"),
            (name.Alphabetic.FamilyName, name.Alphabetic.GivenName, name.Alphabetic.MiddleName,
                name.Alphabetic.NamePrefix, name.Alphabetic.NameSuffix));
        Assert.True(name.Ideographic.IsEmpty);
        Assert.True(name.Phonetic.IsEmpty);
    }

    /// <summary>The PS3.5 Annex H and I examples: three component groups.</summary>
    [Theory]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "Yamada", "山田", "たろう")]
    [InlineData("Hong^Gildong=洪^吉洞=홍^길동", "Hong", "洪", "길동")]
    [InlineData("Wang^XiaoDong=王^小東=", "Wang", "王", "")]
    public void TryParse_ComponentGroups_SplitsAtEqualsSign(
        string text, string family, string ideographicFamily, string phoneticGiven)
    {
        Assert.True(DicomPersonName.TryParse(text, out DicomPersonName? name));
        Assert.Equal(family, name.FamilyName);
        Assert.Equal(ideographicFamily, name.Ideographic.FamilyName);
        Assert.Equal(phoneticGiven, name.Phonetic.GivenName);
    }

    [Theory]
    [InlineData("Doe^John")]
    [InlineData("Doe")]
    [InlineData("^John")]
    [InlineData("Doe^^^^Jr")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう")]
    [InlineData("=山田^太郎")]
    [InlineData("==やまだ")]
    [InlineData("")]
    public void ToString_CanonicalName_RoundTrips(string text)
    {
        Assert.Equal(text, DicomPersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("Doe^John^^^", "Doe^John")]
    [InlineData("^^^^", "")]
    [InlineData("Wang^XiaoDong=王^小東=", "Wang^XiaoDong=王^小東")]
    [InlineData("Doe^John  ", "Doe^John")]
    [InlineData("Doe^John^^^^^", "Doe^John")]
    [InlineData("Doe^John===", "Doe^John")]
    public void ToString_TrailingEmptyParts_AreLeftOut(string text, string expected)
    {
        Assert.Equal(expected, DicomPersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("a^b^c^d^e^f")]
    [InlineData("a=b=c=d")]
    public void TryParse_TooManyNonEmptyParts_ReturnsFalse(string text)
    {
        Assert.False(DicomPersonName.TryParse(text, out _));
    }

    [Fact]
    public void Equals_SameComponents_AreEqual()
    {
        var built = new DicomPersonName("Doe", "John");

        Assert.Equal(DicomPersonName.Parse("Doe^John^^"), built);
        Assert.Equal(DicomPersonName.Parse("Doe^John").GetHashCode(), built.GetHashCode());
        Assert.NotEqual(DicomPersonName.Parse("Doe^Jane"), built);
        Assert.Equal(default, new DicomPersonNameComponentGroup(string.Empty));
    }

    [Fact]
    public void IsEmpty_EmptyName_IsTrue()
    {
        Assert.True(DicomPersonName.Parse("^^^^").IsEmpty);
        Assert.False(DicomPersonName.Parse("=山田").IsEmpty);
    }
}
