using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

/// <summary>Whole rankings, not just hits, over small Chinese, English and mixed catalogues.</summary>
public sealed class Bm25RankingTests
{
    private static Bm25Scorer Index(params (string Id, string Text)[] documents)
    {
        var scorer = new Bm25Scorer();
        foreach (var (id, text) in documents)
        {
            scorer.Add(id, text);
        }

        return scorer;
    }

    private static List<string> Ranked(Bm25Scorer scorer, string query, QueryAnalyzer? analyzer = null) =>
        [.. scorer.Rank((analyzer ?? new QueryAnalyzer()).Analyze(query)).Select(d => d.Id)];

    private static readonly Bm25Scorer News = Index(
        ("title", "人民日报：倾听人民的声音"),
        ("report", "今天上午，来自全国各地的代表在北京参加了会议。会议讨论了经济发展、教育改革和环境保护等问题，" +
            "代表们认为这些问题关系到人民的切身利益，需要认真研究，并尽快拿出具体的落实方案。"),
        ("history", "中华人民共和国成立于1949年10月1日。"),
        ("weather", "东京明天的天气晴朗，气温二十度左右。"));

    [Fact]
    public void A_short_title_saying_it_twice_outranks_a_long_body_saying_it_once()
    {
        Assert.Equal(["title", "history", "report"], Ranked(News, "人民"));
    }

    [Fact]
    public void A_word_inside_a_longer_chinese_run_is_found()
    {
        Assert.Equal("history", Ranked(News, "共和国")[0]);
        Assert.Equal(["history"], Ranked(News, "1949年"));
    }

    [Fact]
    public void More_of_the_query_matched_ranks_higher()
    {
        // 北京 and 会议 (twice) occur only in the report, 天气 only in the forecast.
        Assert.Equal(["report", "weather"], Ranked(News, "北京会议 天气"));
    }

    private static readonly Bm25Scorer Shoes = Index(
        ("trail", "Trail shoe for a long run"),
        ("road", "Shoes for running on the road: we ran in them every morning and kept running."),
        ("boots", "Leather boots for winter walks"),
        ("runner", "Our runners love these socks"));

    [Fact]
    public void Stemming_lets_running_shoes_find_run_and_shoe()
    {
        // "ran" is not "run" to a suffix stripper, and "runners" stems to "runner": neither matches.
        Assert.Equal(["trail", "road"], Ranked(Shoes, "running shoes", new QueryAnalyzer(FuzzyTerms.Off)));
    }

    [Fact]
    public void Case_and_accents_do_not_matter()
    {
        var cafes = Index(("plain", "The best cafe in town"), ("accented", "Cafés et crème brûlée"), ("other", "A tea house"));

        Assert.Equal(["accented", "plain"], Ranked(cafes, "café"));
        Assert.Equal(Ranked(cafes, "café"), Ranked(cafes, "CAFE"));
        Assert.Equal(["accented"], Ranked(cafes, "creme brulee"));
    }

    private static readonly Bm25Scorer Phones = Index(
        ("case", "iPhone 15 Pro 硅胶手机壳 防摔"),
        ("huawei", "华为 Mate 60 手机壳"),
        ("charger", "iPhone 快速充电器 20W"),
        ("tea", "西湖龙井绿茶 250克"));

    [Fact]
    public void Mixed_script_queries_match_both_scripts()
    {
        Assert.Equal(["case", "huawei", "charger"], Ranked(Phones, "iPhone 手机壳"));
    }

    [Fact]
    public void Full_width_queries_find_half_width_text()
    {
        // Once each: the shorter listing (6 tokens against 8) ranks first.
        Assert.Equal(["charger", "case"], Ranked(Phones, "ｉＰｈｏｎｅ"));
        Assert.Equal(["charger"], Ranked(Phones, "２０Ｗ"));
    }

    [Fact]
    public void A_single_cjk_character_finds_every_occurrence()
    {
        // 壳 ends both runs, so only the last bigram holds it; the shorter listing ranks first.
        Assert.Equal(["huawei", "case"], Ranked(Phones, "壳"));
        Assert.Equal(["tea"], Ranked(Phones, "茶"));
    }

    [Fact]
    public void A_character_inside_a_run_counts_once_though_two_bigrams_hold_it()
    {
        // Both have two bigrams. 机 is once in "手机壳" (手机, 机壳) and twice in "手机 机壳"; counting it once
        // per bigram would tie them, and the tie-break by id would put "a-middle" first.
        var scorer = Index(("a-middle", "手机壳"), ("b-twice", "手机 机壳"));

        Assert.Equal(["b-twice", "a-middle"], Ranked(scorer, "机"));
    }

    [Fact]
    public void A_typo_still_finds_the_word_but_an_exact_match_ranks_first()
    {
        var goods = Index(("wallet", "Leather wallet"), ("soap", "Shaving lather soap"), ("belt", "Canvas belt"));

        Assert.Equal(["wallet", "soap"], Ranked(goods, "leather"));
        Assert.Equal(["wallet"], Ranked(goods, "leather", new QueryAnalyzer(FuzzyTerms.Off)));
        Assert.Equal(["wallet"], Ranked(goods, "lether wallet", new QueryAnalyzer(FuzzyTerms.Off)));
        Assert.Equal(["wallet", "soap"], Ranked(goods, "lether"));
    }

    [Fact]
    public void Synonyms_find_documents_that_use_another_word()
    {
        var synonyms = SynonymSet.Create([["TV", "television", "电视"]], []).Value;
        var screens = Index(("samsung", "Samsung television 55 inch"), ("sony", "索尼电视 65寸"), ("stand", "Oak TV stand"), ("lamp", "Desk lamp"));

        Assert.Equal(["stand"], Ranked(screens, "tv"));
        // The group counts as one term, so each document matches it once and the shortest ranks first.
        Assert.Equal(["stand", "samsung", "sony"], Ranked(screens, "tv", new QueryAnalyzer(synonyms: synonyms)));
        Assert.Equal(["stand", "samsung", "sony"], Ranked(screens, "电视", new QueryAnalyzer(synonyms: synonyms)));
    }

    [Fact]
    public void Ties_are_broken_by_id_and_an_empty_index_ranks_nothing()
    {
        var twins = Index(("b", "red apple"), ("a", "red apple"));

        Assert.Equal(["a", "b"], Ranked(twins, "apple"));
        Assert.Empty(new Bm25Scorer().Rank(new QueryAnalyzer().Analyze("apple")));
        Assert.Throws<ArgumentException>(() => twins.Add("a", "again"));
    }
}
