using Platform.Application.Abstractions.Search;
using Platform.Domain.Search.Analysis;

namespace Platform.Application.Search;

/// <summary>A query analyzed like documents, each term with the synonyms every set of the tenant gives it.</summary>
internal sealed record QueryTerms(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    private const int MaxSets = 1000;

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every term a hit may have matched, for highlighting.</summary>
    public HashSet<string> All => Groups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);

    public static async Task<QueryTerms> OfAsync(string? query, string tenantId, ISynonymSetRepository synonyms, CancellationToken ct)
    {
        var terms = SearchText.Terms(query ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return new QueryTerms([]);
        }

        var sets = await synonyms.ListAsync(tenantId, null, MaxSets, ct);
        var groups = terms.Select(t => new List<string> { t }).ToList();
        foreach (var set in sets)
        {
            var expanded = set.Rules.Expand(terms);
            for (var i = 0; i < terms.Count; i++)
            {
                groups[i].AddRange(expanded[i].Skip(1).Where(a => !groups[i].Contains(a)));
            }
        }

        return new QueryTerms([.. groups]);
    }
}
