using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class CompletionKeysTests
{
    [Fact]
    public void Every_word_is_keyed_by_its_first_one_to_three_characters()
    {
        var keys = CompletionKeys.Of("Running shoes");

        Assert.Equal(["r", "ru", "run", "s", "sh", "sho"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_character_of_a_cjk_run_is_a_key_because_a_prefix_may_start_inside_it()
    {
        var keys = CompletionKeys.Of("iPhone 手机壳");

        Assert.Contains("手", keys);
        Assert.Contains("机", keys);
        Assert.Contains("壳", keys);
        Assert.Contains("iph", keys);
    }

    [Theory]
    [InlineData("Runn", "run")]
    [InlineData("ru", "ru")]
    [InlineData("running sh", "run")]
    [InlineData("人民", "人")]
    public void A_prefix_is_looked_up_by_its_first_word_start(string typed, string key) =>
        Assert.Equal(key, CompletionKeys.For(PrefixNormalizer.Normalize(typed)));

    [Fact]
    public void Punctuation_alone_has_no_key() =>
        Assert.Null(CompletionKeys.For(PrefixNormalizer.Normalize("?!")));

    [Fact]
    public void Every_value_a_prefix_completes_to_carries_the_prefix_key()
    {
        string[] values = ["Running shoes for trail runners", "中华人民共和国成立", "Café au lait", "iPhone 手机壳"];
        string[] typed = ["runn", "trail r", "人民", "cafe", "手机", "iphone 手"];
        foreach (var prefix in typed.Select(PrefixNormalizer.Normalize))
        {
            var completed = values.Where(prefix.Matches).ToList();
            Assert.NotEmpty(completed);
            Assert.All(completed, value => Assert.Contains(CompletionKeys.For(prefix)!, CompletionKeys.Of(value)));
        }
    }

    [Fact]
    public void A_typo_match_is_not_an_exact_match()
    {
        var prefix = PrefixNormalizer.Normalize("traul");

        Assert.True(prefix.Matches("trail mix"));
        Assert.False(prefix.MatchesExactly("trail mix"));
        Assert.True(PrefixNormalizer.Normalize("trai").MatchesExactly("trail mix"));
    }
}
