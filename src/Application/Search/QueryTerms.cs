using Platform.Application.Abstractions.Search;
using Platform.Domain.Search.Analysis;

namespace Platform.Application.Search;

/// <summary>
/// A query analyzed like documents, each term grouped with its alternatives: the synonyms every
/// set of the tenant gives it and, when fuzzy matching is on, the indexed words one typo away.
/// A group matches when any of its terms does; every group must match.
/// </summary>
internal sealed record QueryTerms(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    private const int MaxSets = 1000;

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every term a hit may have matched, for highlighting.</summary>
    public HashSet<string> All => Groups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);

    public static async Task<QueryTerms> OfAsync(string? query, string tenantId, string? typeId, bool fuzzy,
        ISynonymSetRepository synonyms, ISearchIndex index, CancellationToken ct)
    {
        var tokens = TextAnalyzer.Default.Analyze(query ?? "").DistinctBy(t => t.Term, StringComparer.Ordinal).ToList();
        if (tokens.Count == 0)
        {
            return new QueryTerms([]);
        }

        var terms = tokens.Select(t => t.Term).ToList();
        var groups = terms.Select(t => new List<string> { t }).ToList();
        foreach (var set in await synonyms.ListAsync(tenantId, null, MaxSets, ct))
        {
            var expanded = set.Rules.Expand(terms);
            for (var i = 0; i < terms.Count; i++)
            {
                groups[i].AddRange(expanded[i].Skip(1).Where(a => !groups[i].Contains(a)));
            }
        }

        var typos = fuzzy ? FuzzyTerms.Default : FuzzyTerms.Off;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!typos.IsEligible(tokens[i].Term, tokens[i].Kind))
            {
                continue;
            }

            var candidates = await index.SimilarTermsAsync(tenantId, typeId, DeletionVariants.Of(tokens[i].Term), ct);
            groups[i].AddRange(candidates.Where(c => !groups[i].Contains(c) && typos.Matches(tokens[i].Term, tokens[i].Kind, c)).Order(StringComparer.Ordinal));
        }

        return new QueryTerms([.. groups]);
    }
}
