using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class QueryAnalyzerTests
{
    [Fact]
    public void Queries_are_analyzed_like_documents()
    {
        const string document = "Running shoes from the Café 中华人民共和国";

        var indexed = TextAnalyzer.Default.Analyze(document).Select(t => t.Term).ToHashSet();
        var query = new QueryAnalyzer().Analyze("RUNNING Shoe cafe 人民");

        Assert.All(query, q => Assert.Contains(q.Term, indexed));
    }

    [Fact]
    public void Each_term_carries_its_fuzzy_budget()
    {
        var query = new QueryAnalyzer().Analyze("leather run 2024 手机");

        Assert.Equal([1, 0, 0, 0], query.Select(q => q.MaxEdits));
        Assert.Equal([0, 0, 0, 0], new QueryAnalyzer(FuzzyTerms.Off).Analyze("leather run 2024 手机").Select(q => q.MaxEdits));
    }

    [Fact]
    public void Each_term_carries_its_synonyms_after_itself()
    {
        var synonyms = SynonymSet.Create([["sofa", "couch"]], []).Value;

        var query = new QueryAnalyzer(synonyms: synonyms).Analyze("red couches");

        Assert.Equal(["red"], query[0].Alternatives);
        Assert.Equal(["couch", "sofa"], query[1].Alternatives);
        Assert.Equal([0, 1], query.Select(q => q.Position));
    }
}
