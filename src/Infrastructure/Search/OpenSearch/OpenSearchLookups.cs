using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Search.Analysis;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// Typo candidates and autocomplete, answered from keyword fields of the documents themselves with a
/// <c>terms</c> narrowing query and a <c>terms</c> aggregation, exactly as the database backend's
/// vocabulary and completion tables answer them (same keys, same counts):
/// <list type="bullet">
/// <item><c>typo_variants</c>: the deletion variants (<see cref="DeletionVariants"/>) of the document's indexable words;
/// <c>typo_keys</c>: "variant␟word" pairs, aggregated with an <c>include</c> pattern of the queried variants.</item>
/// <item><c>completion_keys</c>: the completion keys (<see cref="CompletionKeys"/>) of its completable values;
/// <c>completions</c>: "key␟value␟attribute", aggregated with an <c>include</c> pattern of the key, so a
/// bucket's doc_count is the number of entities holding the value, and ties are ordered by value as in the database.</item>
/// </list>
/// A native <c>fuzzy</c> query is not used: the application confirms candidates with its own edit distance
/// (the same on every backend) and highlights them, so it needs the words, which a fuzzy query does not return.
/// Counts are exact: every document of a tenant is routed to one shard.
/// </summary>
internal static class OpenSearchLookups
{
    public const string TypoVariantsField = "typo_variants";
    public const string TypoKeysField = "typo_keys";
    public const string CompletionKeysField = "completion_keys";
    public const string CompletionsField = "completions";
    public const string Aggregation = "lookup";

    /// <summary>What the database backend's LIMIT on typo candidates is.</summary>
    public const int MaxSimilarTerms = 200;

    /// <summary>Unit separator: never part of an analyzed word, a completion key or an attribute key.</summary>
    private const char Separator = '\u001f';

    /// <summary>Adds the lookup fields of <paramref name="document"/> to its source.</summary>
    public static void AddTo(JsonObject source, SearchDocument document)
    {
        var words = document.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Where(DeletionVariants.IsIndexable).ToList();
        if (words.Count > 0)
        {
            var pairs = words.SelectMany(w => DeletionVariants.Of(w).Select(v => (Variant: v, Word: w))).ToList();
            source[TypoVariantsField] = Strings(pairs.Select(p => p.Variant).Distinct(StringComparer.Ordinal));
            source[TypoKeysField] = Strings(pairs.Select(p => p.Variant + Separator + p.Word));
        }

        var completions = (document.Completions ?? []).Distinct()
            .SelectMany(c => CompletionKeys.Of(c.Value).Select(k => (Key: k, c.Attribute, c.Value))).ToList();
        if (completions.Count > 0)
        {
            source[CompletionKeysField] = Strings(completions.Select(c => c.Key).Distinct(StringComparer.Ordinal));
            source[CompletionsField] = Strings(completions.Select(c => $"{c.Key}{Separator}{c.Value}{Separator}{c.Attribute}").Distinct(StringComparer.Ordinal));
        }
    }

    /// <summary>Body of <c>POST /{alias}/_search</c> for <see cref="ISearchIndex.SimilarTermsAsync"/>.</summary>
    public static JsonObject SimilarTerms(string tenantId, string? typeId, IReadOnlyList<string> variants)
    {
        var distinct = variants.Distinct(StringComparer.Ordinal).ToList();
        var include = "(" + string.Join('|', distinct.Select(Escape)) + ")" + Separator + ".*";
        return Lookup(tenantId, typeId, TypoVariantsField, distinct, TypoKeysField, include, MaxSimilarTerms);
    }

    /// <summary>The words of the typo-key buckets, each once.</summary>
    public static IReadOnlyList<string> ParseSimilarTerms(JsonElement body) =>
        [.. OpenSearchResponses.ParseTermsBuckets(body, Aggregation)
            .Select(b => b.Key.Split(Separator) is [_, var word] ? word : null)
            .OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>Body of <c>POST /{alias}/_search</c> for <see cref="ISearchIndex.CompletionCandidatesAsync"/>: most entities first, then by text.</summary>
    public static JsonObject Completions(string tenantId, string typeId, string key, int limit) =>
        Lookup(tenantId, typeId, CompletionKeysField, [key], CompletionsField, Escape(key) + Separator + ".*", limit);

    /// <summary>"key␟value␟attribute" back into candidates: the key ends at the first separator, the attribute (a key, never holding one) starts after the last.</summary>
    public static IReadOnlyList<CompletionCandidate> ParseCompletions(JsonElement body) =>
        [.. OpenSearchResponses.ParseTermsBuckets(body, Aggregation)
            .Select(b => (b.Key.IndexOf(Separator, StringComparison.Ordinal), b.Key.LastIndexOf(Separator), b.Key, b.Count) is var (first, last, key, count) && first < last
                ? new CompletionCandidate(key[(last + 1)..], key[(first + 1)..last], count)
                : null)
            .OfType<CompletionCandidate>()];

    private static JsonObject Lookup(string tenantId, string? typeId, string narrowField, IReadOnlyList<string> narrowBy, string aggregateField,
        string include, int size)
    {
        var filter = new JsonArray(OpenSearchRequests.Term(OpenSearchRequests.TenantField, tenantId));
        if (typeId is not null)
        {
            filter.Add(OpenSearchRequests.Term(OpenSearchRequests.TypeField, typeId));
        }

        filter.Add(new JsonObject { ["terms"] = new JsonObject { [narrowField] = Strings(narrowBy) } });
        return new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["aggregations"] = new JsonObject
            {
                [Aggregation] = new JsonObject
                {
                    ["terms"] = new JsonObject
                    {
                        ["field"] = aggregateField,
                        ["size"] = size,
                        ["include"] = include,
                        ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
                    },
                },
            },
        };
    }

    /// <summary>
    /// Text as a literal of a Lucene regular expression: every character that is not a letter or digit is
    /// escaped with a backslash (letters are never escaped: <c>\d</c>, <c>\w</c> would be classes).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                escaped.Append('\\');
            }

            escaped.Append(rune.ToString());
        }

        return escaped.ToString();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
