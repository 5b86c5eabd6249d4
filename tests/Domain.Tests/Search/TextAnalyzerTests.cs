using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class TextAnalyzerTests
{
    private static List<string> Terms(string text) => [.. TextAnalyzer.Default.Analyze(text).Select(t => t.Term)];

    private static List<string> Highlights(string text) => [.. TextAnalyzer.Default.Analyze(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void English_words_are_lower_cased_and_stemmed_and_stop_words_kept()
    {
        Assert.Equal(
            ["the", "runner", "were", "run", "through", "the", "wet", "park", "befor", "sunris"],
            Terms("The runners were running through the wet parks before sunrise."));
    }

    [Fact]
    public void Positions_count_tokens_and_offsets_cut_the_original_words()
    {
        const string text = "Hand-made leather shoes, size 42.";

        var tokens = TextAnalyzer.Default.Analyze(text);

        Assert.Equal([0, 1, 2, 3, 4, 5], tokens.Select(t => t.Position));
        Assert.Equal(["Hand", "made", "leather", "shoes", "size", "42"], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(TokenKind.Number, tokens[^1].Kind);
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFÉS", "cafe")]
    [InlineData("Crème brûlée", "creme brule")]
    [InlineData("Ångström", "angstrom")]
    [InlineData("Straße", "strass")]
    [InlineData("Øresund", "oresund")]
    [InlineData("Łódź", "lodz")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("Ελλάδα", "ελλαδα")]
    public void Accents_are_folded_for_latin_and_greek(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Terms(text)));

    [Fact]
    public void Precomposed_and_decomposed_accents_give_the_same_term_and_offsets_cover_the_mark()
    {
        const string decomposed = "Cafe\u0301 au lait";

        Assert.Equal(Terms("Café au lait"), Terms(decomposed));
        Assert.Equal("Cafe\u0301", Highlights(decomposed)[0]);
    }

    [Fact]
    public void Other_scripts_keep_their_marks_and_cyrillic_is_lower_cased_only()
    {
        Assert.Equal(["नमस्ते"], Terms("नमस्ते"));
        Assert.Equal(["йогурт", "москва"], Terms("Йогурт МОСКВА"));
    }

    [Fact]
    public void Full_width_letters_and_digits_read_as_ascii()
    {
        const string text = "ｉＰｈｏｎｅ１５ 容量２５６ＧＢ";

        var tokens = TextAnalyzer.Default.Analyze(text);

        Assert.Equal(["iphone15", "容量", "256gb"], tokens.Select(t => t.Term));
        Assert.Equal(["ｉＰｈｏｎｅ１５", "容量", "２５６ＧＢ"], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(Terms("256"), Terms("２５６"));
    }

    [Fact]
    public void Decimal_digits_of_any_script_read_as_ascii() =>
        Assert.Equal(["2024"], Terms("٢٠٢٤"));

    [Fact]
    public void Compatibility_forms_expand_and_keep_the_original_span()
    {
        const string text = "ﬁne ①";

        var tokens = TextAnalyzer.Default.Analyze(text);

        Assert.Equal(["fine", "1"], tokens.Select(t => t.Term));
        Assert.Equal(["ﬁne", "①"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Theory]
    [InlineData("don't", "dont")]
    [InlineData("O’Brien", "obrien")]
    [InlineData("Kate's shop", "kate shop")]
    [InlineData("the runners' club", "the runner club")]
    [InlineData("'quoted'", "quot")]
    [InlineData("e-mail", "e mail")]
    [InlineData("snake_case", "snake case")]
    [InlineData("U.S.A.", "u s a")]
    [InlineData("version 2.0.1", "version 2.0.1")]
    [InlineData("pi = 3.14.", "pi 3.14")]
    [InlineData("1,000", "1 000")]
    [InlineData("co\u00ADoperate", "cooper")]
    public void Joining_rules_are_few_and_simple(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Terms(text)));

    [Fact]
    public void Letters_and_digits_together_are_one_unstemmed_word()
    {
        var token = Assert.Single(TextAnalyzer.Default.Analyze("Galaxy S24ultra"), t => t.Term.Contains('2', StringComparison.Ordinal));

        Assert.Equal("s24ultra", token.Term);
        Assert.Equal(TokenKind.Word, token.Kind);
    }

    [Fact]
    public void Emoji_separate_words_and_offsets_stay_right_after_surrogate_pairs()
    {
        const string text = "😀 best👍🏽coffee in town 🇫🇷 café";

        Assert.Equal(["best", "coffe", "in", "town", "cafe"], Terms(text));
        Assert.Equal(["best", "coffee", "in", "town", "café"], Highlights(text));
    }

    [Fact]
    public void Invisible_joiners_and_variation_selectors_do_not_split_words()
    {
        Assert.Equal(["cooper"], Terms("co\u200Doperate"));
        Assert.Equal(["two", "word"], Terms("two\u200Bwords"));
    }

    [Fact]
    public void A_lone_surrogate_is_a_separator_not_an_error()
    {
        // Built at run time: attribute arguments cannot carry invalid UTF-16.
        var text = "left" + (char)0xD800 + "right";

        Assert.Equal(["left", "right"], Terms(text));
    }

    [Fact]
    public void Overlong_words_are_not_indexed()
    {
        var junk = new string('x', TextAnalyzer.MaxTermLength + 1);

        Assert.Equal(["keep", "thi"], Terms($"keep {junk} this"));
        Assert.Equal([0, 1], TextAnalyzer.Default.Analyze($"keep {junk} this").Select(t => t.Position));
    }

    [Fact]
    public void The_unstemmed_analyzer_keeps_words_whole()
    {
        Assert.Equal(["running", "shoes"], TextAnalyzer.Unstemmed.Analyze("Running Shoes").Select(t => t.Term));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("— … !? 😀")]
    public void Text_without_letters_has_no_tokens(string text) =>
        Assert.Empty(TextAnalyzer.Default.Analyze(text));
}
