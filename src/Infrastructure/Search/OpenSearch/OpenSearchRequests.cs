using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// The request bodies the adapter sends, as pure functions (tested against the OpenSearch API
/// specification's schemas). Field layout of a document:
/// <c>tenant_id</c>, <c>type_id</c>, <c>entity_id</c> (keyword), <c>terms</c> (text, whitespace
/// analyzer: the application has already analyzed them) and <c>facets.*</c> (keyword by a dynamic
/// template, so new attributes never add analyzed fields: no mapping explosion).
/// </summary>
public static class OpenSearchRequests
{
    public const string TenantField = "tenant_id";
    public const string TypeField = "type_id";
    public const string EntityField = "entity_id";
    public const string TermsField = "terms";
    public const string FacetsField = "facets";

    /// <summary>The shared document id: unique across tenants and types in the one index.</summary>
    public static string DocumentId(string tenantId, string typeId, string entityId) => $"{tenantId}/{typeId}/{entityId}";

    /// <summary>Body of <c>PUT /_index_template/{name}</c> for the shared index.</summary>
    public static JsonObject IndexTemplate(OpenSearchOptions options) => new()
    {
        ["index_patterns"] = new JsonArray(options.IndexName),
        ["priority"] = 100,
        ["template"] = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                // A field count guard in case a caller bypasses the dynamic templates.
                ["index.mapping.total_fields.limit"] = 1000,
            },
            ["mappings"] = new JsonObject
            {
                ["dynamic"] = "true",
                ["dynamic_templates"] = new JsonArray(
                    // Facet values: exact keywords whatever the attribute's JSON type, so counts and term filters agree.
                    new JsonObject
                    {
                        ["facet_strings"] = new JsonObject
                        {
                            ["path_match"] = FacetsField + ".*",
                            ["match_mapping_type"] = "string",
                            ["mapping"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 256 },
                        },
                    },
                    new JsonObject
                    {
                        ["facet_numbers"] = new JsonObject
                        {
                            ["path_match"] = FacetsField + ".*",
                            ["match_mapping_type"] = "double",
                            ["mapping"] = new JsonObject { ["type"] = "double" },
                        },
                    },
                    new JsonObject
                    {
                        ["facet_integers"] = new JsonObject
                        {
                            ["path_match"] = FacetsField + ".*",
                            ["match_mapping_type"] = "long",
                            ["mapping"] = new JsonObject { ["type"] = "long" },
                        },
                    },
                    new JsonObject
                    {
                        ["facet_booleans"] = new JsonObject
                        {
                            ["path_match"] = FacetsField + ".*",
                            ["match_mapping_type"] = "boolean",
                            ["mapping"] = new JsonObject { ["type"] = "boolean" },
                        },
                    },
                    // Anything else that shows up unplanned: a keyword, never an analyzed text field.
                    new JsonObject
                    {
                        ["other_strings"] = new JsonObject
                        {
                            ["match_mapping_type"] = "string",
                            ["mapping"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 256 },
                        },
                    }),
                ["properties"] = new JsonObject
                {
                    [TenantField] = new JsonObject { ["type"] = "keyword" },
                    [TypeField] = new JsonObject { ["type"] = "keyword" },
                    [EntityField] = new JsonObject { ["type"] = "keyword" },
                    [TermsField] = new JsonObject { ["type"] = "text", ["analyzer"] = "whitespace" },
                    [FacetsField] = new JsonObject { ["type"] = "object" },
                },
            },
        },
    };

    /// <summary>Body of <c>POST /_aliases</c>: a tenant's filtered, routed alias over the shared index.</summary>
    public static JsonObject TenantAlias(OpenSearchOptions options, string tenantId) => new()
    {
        ["actions"] = new JsonArray(new JsonObject
        {
            ["add"] = new JsonObject
            {
                ["index"] = options.IndexName,
                ["alias"] = options.AliasFor(tenantId),
                ["filter"] = Term(TenantField, tenantId),
                ["routing"] = tenantId,
            },
        }),
    };

    /// <summary>
    /// The lines of <c>POST /_bulk</c> for <see cref="ISearchIndex.ReplaceAsync"/>: a delete for every
    /// removed id, an index (full replace) for every document; all routed by tenant.
    /// </summary>
    public static IReadOnlyList<JsonObject> BulkLines(OpenSearchOptions options, string tenantId, string typeId,
        IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedIds)
    {
        var lines = new List<JsonObject>(removedIds.Count + (documents.Count * 2));
        var indexed = documents.Select(d => d.EntityId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in removedIds.Distinct(StringComparer.Ordinal).Where(id => !indexed.Contains(id)))
        {
            lines.Add(new JsonObject { ["delete"] = Action(options, tenantId, typeId, id) });
        }

        foreach (var document in documents)
        {
            lines.Add(new JsonObject { ["index"] = Action(options, tenantId, typeId, document.EntityId) });
            lines.Add(new JsonObject
            {
                [TenantField] = tenantId,
                [TypeField] = typeId,
                [EntityField] = document.EntityId,
                [TermsField] = document.Terms,
            });
        }

        return lines;
    }

    /// <summary>NDJSON: one compact JSON object a line, the last line ending in a newline too.</summary>
    public static string Ndjson(IEnumerable<JsonNode> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line.ToJsonString(Compact)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Body of <c>POST /{alias}/_search</c>: every query term group must match (one <c>match</c> clause per
    /// group in <c>bool.must</c>, a group's synonyms with <c>operator: or</c>), as the SQL backends, in the tenant's type; ranked by score, ties by entity id; an exact total.
    /// No terms: every document of the type, score 0, ordered by entity id.
    /// </summary>
    public static JsonObject Search(SearchQuery query) =>
        SearchBody([Term(TenantField, query.Type.TenantId), Term(TypeField, query.Type.Id)], query.Terms, query.Offset, query.Limit,
            [EntityField], [EntityField]);

    /// <summary>The aggregation name under which <see cref="TenantSearch"/> counts hits per type.</summary>
    public const string TypesAggregation = "types";

    /// <summary>
    /// Body of <c>POST /{alias}/_search</c> for every type of the tenant at once: ranked together, ties by
    /// type then entity id; with a <c>terms</c> aggregation on <c>type_id</c> when <paramref name="maxTypes"/> &gt; 0.
    /// </summary>
    public static JsonObject TenantSearch(TenantSearchQuery query, int maxTypes)
    {
        var body = SearchBody([Term(TenantField, query.TenantId)], query.Terms, query.Offset, query.Limit,
            [TypeField, EntityField], [TypeField, EntityField]);
        if (maxTypes > 0)
        {
            body["aggregations"] = new JsonObject
            {
                [TypesAggregation] = new JsonObject
                {
                    ["terms"] = new JsonObject
                    {
                        ["field"] = TypeField,
                        ["size"] = maxTypes,
                        ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }),
                    },
                },
            };
        }

        return body;
    }

    private static JsonObject SearchBody(JsonNode[] filters, IReadOnlyList<IReadOnlyList<string>> terms, int offset, int limit, string[] source, string[] tieBreak)
    {
        var @bool = new JsonObject { ["filter"] = new JsonArray(filters) };
        if (terms.Count > 0)
        {
            // Every group must match; within a group any of its synonyms will do.
            @bool["must"] = new JsonArray(terms.Select(group => (JsonNode)new JsonObject
            {
                ["match"] = new JsonObject
                {
                    [TermsField] = new JsonObject
                    {
                        ["query"] = string.Join(' ', group),
                        ["operator"] = "or",
                    },
                },
            }).ToArray());
        }

        var sort = new JsonArray(new JsonObject { ["_score"] = new JsonObject { ["order"] = "desc" } });
        foreach (var field in tieBreak)
        {
            sort.Add(new JsonObject { [field] = new JsonObject { ["order"] = "asc" } });
        }

        return new JsonObject
        {
            ["from"] = offset,
            ["size"] = limit,
            ["track_total_hits"] = true,
            ["track_scores"] = true,
            ["_source"] = new JsonArray(source.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()),
            ["query"] = new JsonObject { ["bool"] = @bool },
            ["sort"] = sort,
        };
    }

    private static JsonObject Action(OpenSearchOptions options, string tenantId, string typeId, string entityId) => new()
    {
        ["_index"] = options.IndexName,
        ["_id"] = DocumentId(tenantId, typeId, entityId),
        ["routing"] = tenantId,
    };

    private static JsonObject Term(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } } };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
}
