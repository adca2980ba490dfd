using PacsNode.Storage.Queries;
using Xunit;

namespace PacsNode.Storage.Tests.Queries;

/// <summary>
/// PN matching worked by hand from PS3.4 C.2.2.2.1/C.2.2.2.4 and the PS3.5 6.2.1 component groups; the Japanese
/// name is the example of PS3.5 annex H ("Yamada^Tarou=山田^太郎=やまだ^たろう").
/// </summary>
public sealed class PersonNameMatcherTests
{
    private const string Yamada = "Yamada^Tarou=山田^太郎=やまだ^たろう";

    [Theory]
    [InlineData("Doe^John", "Doe^John", false, true)]
    [InlineData("Doe^John^^", "Doe^John", false, true)]
    [InlineData("Doe^John", "Doe^John^^^", false, true)]
    [InlineData("Doe^John", "doe^john", false, false)]
    [InlineData("Doe^John", "doe^john", true, true)]
    [InlineData("Doe^John", "Doe", false, false)]
    [InlineData("Smith^Jane", "Smi*", false, true)]
    [InlineData("Smith^Jane", "Sm?th^*", false, true)]
    [InlineData("Smith^Jane", "*^Jane", false, true)]
    [InlineData("Smith^Jane", "smi*", false, false)]
    [InlineData("Müller^Jürgen", "MÜLLER*", true, true)]
    [InlineData("Smith^Jane", "Smi", false, false)]
    [InlineData("Smith^Jane", "S?", false, false)]
    public void Matches_AlphabeticNames_FollowSingleValueAndWildcardRules(string stored, string key, bool caseInsensitive, bool expected) =>
        Assert.Equal(expected, PersonNameMatcher.Matches(stored, key, caseInsensitive));

    [Theory]
    [InlineData("Yamada^Tarou", true)]
    [InlineData("山田^太郎", true)]
    [InlineData("やまだ*", true)]
    [InlineData("=山田*", true)]
    [InlineData("Yamada*=山田^太郎", true)]
    [InlineData("Yamada*==やまだ^たろう", true)]
    [InlineData("Yamada*=田*", false)]
    [InlineData("山田*=Yamada*", false)]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", true)]
    [InlineData("Yamada*山田*", false)]
    public void Matches_ComponentGroups_AreMatchedGroupByGroup(string key, bool expected) =>
        Assert.Equal(expected, PersonNameMatcher.Matches(Yamada, key, caseInsensitive: false));

    [Fact]
    public void Matches_WildcardNeverSpansTwoGroups() =>
        Assert.False(PersonNameMatcher.Matches("Ax=By", "A*y", caseInsensitive: false));

    [Fact]
    public void Matches_NoStoredValue_MatchesNothing() =>
        Assert.False(PersonNameMatcher.Matches(null, "*x", caseInsensitive: false));

    [Theory]
    [InlineData("", "*", true)]
    [InlineData("abc", "a*c", true)]
    [InlineData("abc", "a*b", false)]
    [InlineData("aaab", "*a?b", true)]
    [InlineData("ab", "a**?", true)]
    [InlineData("a", "a?", false)]
    public void Wildcard_StarAndQuestionMark_MatchRunsAndSingleCharacters(string text, string pattern, bool expected) =>
        Assert.Equal(expected, PersonNameMatcher.Wildcard(text, pattern));
}
