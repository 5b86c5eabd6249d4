using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class PrefixNormalizerTests
{
    [Fact]
    public void The_last_word_is_partial_and_not_stemmed()
    {
        var prefix = PrefixNormalizer.Normalize("Running Sho");

        Assert.Equal(["running"], prefix.Complete);
        Assert.Equal("sho", prefix.Partial);
        Assert.False(prefix.PartialIsCjk);
    }

    [Fact]
    public void A_trailing_space_finishes_the_last_word()
    {
        var prefix = PrefixNormalizer.Normalize("running ");

        Assert.Equal(["running"], prefix.Complete);
        Assert.Equal("", prefix.Partial);
    }

    [Theory]
    [InlineData("ＣＡＦÉ", "cafe")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("ｉｐｈ", "iph")]
    public void Prefixes_are_normalized_like_text(string typed, string partial) =>
        Assert.Equal(partial, PrefixNormalizer.Normalize(typed).Partial);

    [Theory]
    [InlineData("中")]
    [InlineData("中华")]
    [InlineData("中华人")]
    public void Cjk_prefixes_are_kept_whole_even_a_single_character(string typed)
    {
        var prefix = PrefixNormalizer.Normalize(typed);

        Assert.Equal(typed, prefix.Partial);
        Assert.True(prefix.PartialIsCjk);
        Assert.True(prefix.Matches("中华人民共和国"));
    }

    [Fact]
    public void Segments_keep_words_unstemmed_and_cjk_runs_whole()
    {
        Assert.Equal(["iphone", "15", "pro", "硅胶手机壳"], PrefixNormalizer.Segments("iPhone 15 Pro 硅胶手机壳"));
    }

    [Theory]
    [InlineData("iph", true)]
    [InlineData("IPHONE 15 p", true)]
    [InlineData("15 pro", true)]
    [InlineData("pro", true)]
    [InlineData("手", true)]
    [InlineData("手机", true)]
    [InlineData("pro 手机", true)]
    [InlineData("iphone 手机", false)]
    [InlineData("iphone pro", false)]
    [InlineData("galaxy", false)]
    public void Prefixes_complete_from_any_word_start(string typed, bool matches) =>
        Assert.Equal(matches, PrefixNormalizer.Normalize(typed).Matches("iPhone 15 Pro 硅胶手机壳"));

    [Theory]
    [InlineData("iphine", true)]
    [InlineData("ipho", true)]
    [InlineData("iphi", true)]
    [InlineData("ipo", false)]
    [InlineData("ipgine", false)]
    [InlineData("15 pri", false)]
    public void One_typo_is_tolerated_from_four_characters(string typed, bool matches) =>
        Assert.Equal(matches, PrefixNormalizer.Normalize(typed).Matches("iPhone 15 Pro"));

    [Fact]
    public void Cjk_prefixes_match_inside_a_run_but_without_typos()
    {
        Assert.True(PrefixNormalizer.Normalize("人民").Matches("中华人民共和国"));
        Assert.False(PrefixNormalizer.Normalize("人明").Matches("中华人民共和国"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("!?")]
    public void An_empty_prefix_completes_nothing(string typed)
    {
        var prefix = PrefixNormalizer.Normalize(typed);

        Assert.True(prefix.IsEmpty);
        Assert.False(prefix.Matches("anything"));
    }
}
