using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class CjkAnalysisTests
{
    private static IReadOnlyList<Token> Analyze(string text) => TextAnalyzer.Default.Analyze(text);

    [Fact]
    public void A_chinese_run_becomes_overlapping_bigrams()
    {
        var tokens = Analyze("中华人民共和国");

        Assert.Equal(["中华", "华人", "人民", "民共", "共和", "和国"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(TokenKind.CjkBigram, t.Kind));
        Assert.Equal([0, 1, 2, 3, 4, 5], tokens.Select(t => t.Position));
    }

    [Fact]
    public void The_query_for_a_word_inside_a_run_is_one_of_its_bigrams()
    {
        var indexed = Analyze("中华人民共和国成立于1949年。").Select(t => t.Term).ToHashSet();

        var query = Assert.Single(Analyze("人民"));

        Assert.Contains(query.Term, indexed);
    }

    [Fact]
    public void Bigram_offsets_cut_the_two_characters_of_the_original()
    {
        const string text = "我们在北京买了一部新手机。";

        var tokens = Analyze(text);

        Assert.All(tokens, t => Assert.Equal(t.Term, text[t.Start..t.End]));
        Assert.Equal("手机", tokens[^1].Term);
    }

    [Fact]
    public void A_character_standing_alone_is_a_unigram()
    {
        var tokens = Analyze("1949年 成立, 人 和 国");

        Assert.Equal(["1949", "年", "成立", "人", "和", "国"], tokens.Select(t => t.Term));
        Assert.Equal(
            [TokenKind.Number, TokenKind.CjkUnigram, TokenKind.CjkBigram, TokenKind.CjkUnigram, TokenKind.CjkUnigram, TokenKind.CjkUnigram],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Cjk_punctuation_ends_a_run()
    {
        Assert.Equal(["中国", "日本", "韩国"], Analyze("中国，日本、韩国。").Select(t => t.Term));
    }

    [Fact]
    public void Mixed_latin_and_chinese_yields_words_and_bigrams()
    {
        const string text = "iPhone 15 Pro手机壳";

        var tokens = Analyze(text);

        Assert.Equal(["iphon", "15", "pro", "手机", "机壳"], tokens.Select(t => t.Term));
        Assert.Equal([TokenKind.Word, TokenKind.Number, TokenKind.Word, TokenKind.CjkBigram, TokenKind.CjkBigram], tokens.Select(t => t.Kind));
        Assert.Equal(["iPhone", "15", "Pro", "手机", "机壳"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Japanese_kana_and_kanji_pair_across_scripts()
    {
        Assert.Equal(
            ["東京", "京タ", "タワ", "ワー", "ーは", "夜に", "にな", "なる", "ると", "とき", "きれ", "れい", "いで", "です"],
            Analyze("東京タワーは、夜になるときれいです。").Select(t => t.Term));
        Assert.Equal(["人々"], Analyze("人々").Select(t => t.Term));
    }

    [Fact]
    public void Korean_words_are_split_on_spaces_then_paired()
    {
        Assert.Equal(["한국", "국어", "문법", "법은", "어렵", "렵지", "않아", "아요"], Analyze("한국어 문법은 어렵지 않아요").Select(t => t.Term));
    }

    [Fact]
    public void Decomposed_hangul_composes_and_keeps_its_span()
    {
        // 한 as three conjoining jamo, followed by 국.
        const string text = "\u1112\u1161\u11AB국";

        var token = Assert.Single(Analyze(text));

        Assert.Equal("한국", token.Term);
        Assert.Equal((0, 4), (token.Start, token.End));
    }

    [Fact]
    public void Half_width_katakana_is_widened_and_offsets_cover_the_voicing_marks()
    {
        const string text = "ｶﾞｲﾄﾞ";

        var tokens = Analyze(text);

        Assert.Equal(["ガイ", "イド"], tokens.Select(t => t.Term));
        Assert.Equal(["ｶﾞｲ", "ｲﾄﾞ"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Supplementary_ideographs_are_one_character_with_two_utf16_units()
    {
        const string text = "𠮷野家の牛丼";

        var tokens = Analyze(text);

        Assert.Equal(["𠮷野", "野家", "家の", "の牛", "牛丼"], tokens.Select(t => t.Term));
        Assert.Equal((0, 3), (tokens[0].Start, tokens[0].End));
        Assert.All(tokens, t => Assert.Equal(t.Term, text[t.Start..t.End]));
    }

    [Fact]
    public void A_compatibility_square_expands_to_its_characters_within_its_span()
    {
        const string text = "㍿トヨタ";

        var tokens = Analyze(text);

        Assert.Equal(["株式", "式会", "会社", "社ト", "トヨ", "ヨタ"], tokens.Select(t => t.Term));
        Assert.Equal("㍿", text[tokens[0].Start..tokens[0].End]);
        Assert.Equal("㍿ト", text[tokens[3].Start..tokens[3].End]);
    }

    [Fact]
    public void Cjk_is_neither_lower_cased_nor_stemmed_nor_folded()
    {
        // The dakuten of が is a combining mark under NFD; folding it away would turn が into か.
        Assert.Equal(["がっ", "っこ", "こう"], Analyze("がっこう").Select(t => t.Term));
    }
}
