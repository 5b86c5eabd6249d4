using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("shoe", "shoe")]
    [InlineData("shoe", "shoes")]
    [InlineData("shoes", "shoe")]
    [InlineData("shoe", "show")]
    [InlineData("form", "from")]
    [InlineData("", "a")]
    [InlineData("手机", "手")]
    [InlineData("😀a", "a😀")]
    public void One_insertion_deletion_substitution_or_swap_is_at_most_one(string a, string b) =>
        Assert.True(EditDistance.AtMostOne(a, b));

    [Theory]
    [InlineData("shoe", "ship")]
    [InlineData("shoe", "shoeses")]
    [InlineData("abcd", "badc")]
    [InlineData("leather", "lather s")]
    [InlineData("", "ab")]
    [InlineData("手机", "机手壳")]
    public void Two_edits_are_more_than_one(string a, string b) =>
        Assert.False(EditDistance.AtMostOne(a, b));

    [Fact]
    public void A_supplementary_character_is_one_edit_not_two()
    {
        Assert.True(EditDistance.AtMostOne("𠮷野家", "吉野家"));
        Assert.Equal(1, EditDistance.Bounded("🍎 pie", "🍐 pie", 3));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("ca", "abc", 3)]
    [InlineData("", "", 0)]
    public void Bounded_distance_is_exact_within_the_bound(string a, string b, int distance) =>
        Assert.Equal(distance, EditDistance.Bounded(a, b, 3));

    [Fact]
    public void Bounded_distance_stops_past_the_bound()
    {
        Assert.Equal(2, EditDistance.Bounded("kitten", "sitting", 1));
        Assert.Equal(2, EditDistance.Bounded("a", "abcdefgh", 1));
    }

    [Theory]
    [InlineData("iph", "iphone", true)]
    [InlineData("iphine", "iphone", true)]
    [InlineData("ipone", "iphone", true)]
    [InlineData("ihpone", "iphone", true)]
    [InlineData("iphonee", "iphone", true)]
    [InlineData("ipgine", "iphone", false)]
    [InlineData("samsung", "iphone", false)]
    public void A_typed_prefix_may_be_one_edit_from_a_prefix_of_the_word(string prefix, string word, bool expected) =>
        Assert.Equal(expected, EditDistance.PrefixWithin(prefix, word, 1));
}
