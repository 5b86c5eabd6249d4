using Platform.Domain.Common;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Checks synonym entries and turns each into the one term the analyzer makes of it, so "TV" and "Televisions"
/// are stored as "tv" and "televis", the forms queries are analyzed into. Only single terms are supported:
/// expansion replaces one query term by alternatives, and a phrase cannot stand in for a term without
/// phrase queries. For CJK that means one or two characters ("电视" is one bigram, "电视机" is two).
/// </summary>
internal static class SynonymRules
{
    /// <summary>
    /// The analyzed term of each entry with the entry's index, in order; entries that are invalid or repeat an
    /// earlier one are left out.
    /// </summary>
    public static List<(int Index, string Term)> Terms(IReadOnlyList<string> entries, string field, int minCount, Validation validation)
    {
        if (entries.Count < minCount || entries.Count > SynonymSet.MaxTermsPerRule)
        {
            validation.Add(field, $"must have between {minCount} and {SynonymSet.MaxTermsPerRule} terms");
        }

        var terms = new List<(int Index, string Term)>();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (Term(entries[i], $"{field}[{i}]", validation) is not { } term)
            {
                continue;
            }

            if (firstIndex.TryGetValue(term, out var first))
            {
                validation.Add($"{field}[{i}]", $"is the same term as {field}[{first}] once normalized and stemmed");
                continue;
            }

            firstIndex[term] = i;
            terms.Add((i, term));
        }

        return terms;
    }

    public static string? Term(string? entry, string field, Validation validation)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            validation.Add(field, "must not be empty");
            return null;
        }

        if (entry.EnumerateRunes().Count() > SynonymSet.MaxEntryLength)
        {
            validation.Add(field, $"must be at most {SynonymSet.MaxEntryLength} characters");
            return null;
        }

        var tokens = TextAnalyzer.Default.Analyze(entry);
        switch (tokens.Count)
        {
            case 0:
                validation.Add(field, "has no letters, digits or CJK characters");
                return null;
            case > 1:
                validation.Add(field, "must be a single term: one word, or one or two CJK characters (multi-word synonyms are not supported)");
                return null;
            default:
                return tokens[0].Term;
        }
    }
}
