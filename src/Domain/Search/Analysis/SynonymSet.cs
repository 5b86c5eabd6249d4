using Platform.Domain.Common;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// A tenant's synonyms, applied to queries only, so editing them never requires re-indexing. Equivalent
/// groups work every way ("tv", "television", "电视"); one-way rules only from their input. Expansion takes
/// one step: a one-way synonym is not expanded again through its own group or rules, which keeps a chain of
/// rules from drifting far from what was asked. A term may be in one equivalent group only, so a group
/// always means the same thing whichever member is typed.
/// </summary>
public sealed class SynonymSet
{
    public const int MaxRules = 1000;
    public const int MaxTermsPerRule = 32;
    public const int MaxEntryLength = 64;

    private readonly Dictionary<string, List<string>> _alternatives;

    private SynonymSet(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<OneWaySynonym> rules, Dictionary<string, List<string>> alternatives) =>
        (EquivalentGroups, OneWayRules, _alternatives) = (groups, rules, alternatives);

    public static SynonymSet Empty { get; } = new([], [], []);

    /// <summary>As given, for reading back; matching uses their analyzed terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> EquivalentGroups { get; }

    public IReadOnlyList<OneWaySynonym> OneWayRules { get; }

    /// <summary>Field paths are relative ("equivalent_groups[0].terms[1]"); callers prefix their own.</summary>
    public static Result<SynonymSet> Create(IReadOnlyList<IReadOnlyList<string>> equivalentGroups, IReadOnlyList<OneWaySynonym> oneWayRules)
    {
        var validation = new Validation()
            .Check(equivalentGroups.Count <= MaxRules, "equivalent_groups", $"must have at most {MaxRules} groups")
            .Check(oneWayRules.Count <= MaxRules, "one_way_rules", $"must have at most {MaxRules} rules");
        var alternatives = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < equivalentGroups.Count; g++)
        {
            var field = $"equivalent_groups[{g}].terms";
            var terms = SynonymRules.Terms(equivalentGroups[g], field, minCount: 2, validation);
            var members = terms.Select(t => t.Term).ToList();
            foreach (var (index, term) in terms)
            {
                if (!groupOf.TryAdd(term, g))
                {
                    validation.Add($"{field}[{index}]", $"is already in equivalent_groups[{groupOf[term]}]");
                    continue;
                }

                AddAll(alternatives, term, members);
            }
        }

        var ruleOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < oneWayRules.Count; r++)
        {
            var field = $"one_way_rules[{r}]";
            var input = SynonymRules.Term(oneWayRules[r].Input, $"{field}.input", validation);
            var synonyms = SynonymRules.Terms(oneWayRules[r].Synonyms, $"{field}.synonyms", minCount: 1, validation).Select(t => t.Term).ToList();
            if (input is null)
            {
                continue;
            }

            if (!ruleOf.TryAdd(input, r))
            {
                validation.Add($"{field}.input", $"is the same term as one_way_rules[{ruleOf[input]}].input; merge the two rules");
            }
            else if (synonyms.Contains(input))
            {
                validation.Add($"{field}.synonyms", "must not contain the input itself");
            }
            else
            {
                AddAll(alternatives, input, synonyms);
            }
        }

        return validation.ToError() is { } error ? error : new SynonymSet(equivalentGroups, oneWayRules, alternatives);
    }

    /// <summary>For each analyzed query term, the term itself first, then its synonyms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Expand(IReadOnlyList<string> terms) =>
        [.. terms.Select(t => (IReadOnlyList<string>)(_alternatives.TryGetValue(t, out var more) ? [t, .. more] : [t]))];

    private static void AddAll(Dictionary<string, List<string>> alternatives, string term, List<string> more)
    {
        if (!alternatives.TryGetValue(term, out var list))
        {
            alternatives[term] = list = [];
        }

        list.AddRange(more.Where(m => m != term && !list.Contains(m)));
    }
}
