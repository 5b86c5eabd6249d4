namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Analyzes a query exactly as documents are analyzed, so "人民" becomes the bigram 人民 that
/// "中华人民共和国" was indexed with, and "Running Shoes" becomes "run", "shoe". Then it attaches synonyms and
/// the fuzzy budget to each term. A lone CJK character becomes a unigram, which no bigram equals: a backend
/// should match it against the first or second character of indexed bigrams.
/// </summary>
public sealed class QueryAnalyzer(FuzzyTerms? fuzzy = null, SynonymSet? synonyms = null)
{
    private readonly FuzzyTerms _fuzzy = fuzzy ?? FuzzyTerms.Default;
    private readonly SynonymSet _synonyms = synonyms ?? SynonymSet.Empty;

    public IReadOnlyList<QueryTerm> Analyze(string query)
    {
        var tokens = TextAnalyzer.Default.Analyze(query);
        var alternatives = _synonyms.Expand([.. tokens.Select(t => t.Term)]);
        return [.. tokens.Select((t, i) => new QueryTerm(t.Term, t.Kind, t.Position, alternatives[i], _fuzzy.EditsFor(t.Term, t.Kind)))];
    }
}
