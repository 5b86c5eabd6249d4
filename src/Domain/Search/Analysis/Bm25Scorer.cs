using System.Globalization;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Okapi BM25 over analyzed tokens, in memory: the reference ranking for tests and small indexes.
/// Each document is one field, and its length is its token count. A query term's score blends its
/// alternatives the way a synonym query does: their occurrences are added up as if they were one term, and
/// the term's rarity (idf) is that of the documents holding any of them. A typo match counts
/// <see cref="FuzzyWeight"/> of an occurrence, so an exact match ranks first. Documents match if any query
/// term matches; ties are broken by id, so the order is stable.
/// </summary>
public sealed class Bm25Scorer(double k1 = 1.2, double b = 0.75)
{
    public const double FuzzyWeight = 0.5;

    private readonly List<(string Id, int Length)> _documents = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, int>> _terms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    // Every CJK character occurrence, lone or inside a bigram, for one-character queries.
    private readonly Dictionary<string, Dictionary<int, int>> _characters = new(StringComparer.Ordinal);
    private long _totalLength;

    public void Add(string id, string text) => Add(id, TextAnalyzer.Default.Analyze(text));

    public void Add(string id, IReadOnlyList<Token> tokens)
    {
        if (!_ids.Add(id))
        {
            throw new ArgumentException($"Document '{id}' was already added.", nameof(id));
        }

        var doc = _documents.Count;
        _documents.Add((id, tokens.Count));
        _totalLength += tokens.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            Increment(_terms, token.Term, doc);
            if (token.Kind == TokenKind.Word)
            {
                _words.Add(token.Term);
            }

            foreach (var character in CharactersOwned(tokens, i))
            {
                Increment(_characters, character, doc);
            }
        }
    }

    public IReadOnlyList<ScoredDocument> Rank(IReadOnlyList<QueryTerm> query)
    {
        if (_totalLength == 0)
        {
            return [];
        }

        var averageLength = (double)_totalLength / _documents.Count;
        var scores = new Dictionary<int, double>();
        foreach (var term in query.DistinctBy(q => q.Term))
        {
            var frequencies = Frequencies(term);
            var idf = Math.Log(1 + ((_documents.Count - frequencies.Count + 0.5) / (frequencies.Count + 0.5)));
            foreach (var (doc, tf) in frequencies)
            {
                var lengthNorm = k1 * (1 - b + (b * _documents[doc].Length / averageLength));
                scores[doc] = scores.GetValueOrDefault(doc) + (idf * tf * (k1 + 1) / (tf + lengthNorm));
            }
        }

        return [.. scores.Select(s => new ScoredDocument(_documents[s.Key].Id, s.Value))
            .OrderByDescending(d => d.Score).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>Weighted occurrences of the term and its alternatives, per document.</summary>
    private Dictionary<int, double> Frequencies(QueryTerm term)
    {
        var frequencies = new Dictionary<int, double>();
        void Count(Dictionary<int, int>? postings, double weight)
        {
            foreach (var (doc, tf) in postings ?? [])
            {
                frequencies[doc] = frequencies.GetValueOrDefault(doc) + (weight * tf);
            }
        }

        Count((term.Kind == TokenKind.CjkUnigram ? _characters : _terms).GetValueOrDefault(term.Term), 1);
        foreach (var alternative in term.Alternatives.Where(a => a != term.Term))
        {
            Count(_terms.GetValueOrDefault(alternative), 1);
        }

        if (term.MaxEdits > 0)
        {
            foreach (var word in _words.Where(w => !term.Alternatives.Contains(w) && EditDistance.Within(term.Term, w, term.MaxEdits)))
            {
                Count(_terms[word], FuzzyWeight);
            }
        }

        return frequencies;
    }

    /// <summary>
    /// The characters token <paramref name="i"/> stands for: a unigram its one character; a bigram its first,
    /// and its second too when no overlapping bigram follows (the end of the run), so each character of
    /// "手机壳" (手机, 机壳) is counted once.
    /// </summary>
    private static IEnumerable<string> CharactersOwned(IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind == TokenKind.CjkUnigram)
        {
            yield return token.Term;
        }
        else if (token.Kind == TokenKind.CjkBigram)
        {
            var firstLength = StringInfo.GetNextTextElementLength(token.Term);
            yield return token.Term[..firstLength];
            var continued = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.CjkBigram && tokens[i + 1].Start < token.End;
            if (!continued)
            {
                yield return token.Term[firstLength..];
            }
        }
    }

    private static void Increment(Dictionary<string, Dictionary<int, int>> index, string key, int doc)
    {
        if (!index.TryGetValue(key, out var postings))
        {
            index[key] = postings = [];
        }

        postings[doc] = postings.GetValueOrDefault(doc) + 1;
    }
}
