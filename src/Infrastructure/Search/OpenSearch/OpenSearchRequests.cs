using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// The request bodies the adapter sends, as pure functions (tested against the OpenSearch API
/// specification's schemas). Field layout of a document:
/// <c>tenant_id</c>, <c>type_id</c>, <c>entity_id</c> (keyword), <c>terms</c> (text, whitespace
/// analyzer: the application has already analyzed them), the typed attribute values under <c>attrs.{kind}.{key}</c>
/// (<see cref="OpenSearchFields"/>, mapped by dynamic templates per value kind, so new attributes never add analyzed
/// fields), <c>create_time_us</c>/<c>update_time_us</c>, and the lookup keywords of <see cref="OpenSearchLookups"/>.
/// </summary>
public static class OpenSearchRequests
{
    public const string TenantField = "tenant_id";
    public const string TypeField = "type_id";
    public const string EntityField = "entity_id";
    public const string TermsField = "terms";

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
                ["dynamic_templates"] = new JsonArray([.. AttributeTemplates(),
                    // Anything else that shows up unplanned: a keyword, never an analyzed text field.
                    new JsonObject
                    {
                        ["other_strings"] = new JsonObject
                        {
                            ["match_mapping_type"] = "string",
                            ["mapping"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 256 },
                        },
                    }]),
                ["properties"] = new JsonObject
                {
                    [TenantField] = new JsonObject { ["type"] = "keyword" },
                    [TypeField] = new JsonObject { ["type"] = "keyword" },
                    [EntityField] = new JsonObject { ["type"] = "keyword" },
                    [TermsField] = new JsonObject { ["type"] = "text", ["analyzer"] = "whitespace" },
                    [OpenSearchFields.Root] = new JsonObject { ["type"] = "object" },
                    [OpenSearchFields.CreateTimeField] = new JsonObject { ["type"] = "long" },
                    [OpenSearchFields.UpdateTimeField] = new JsonObject { ["type"] = "long" },
                    [OpenSearchLookups.TypoVariantsField] = new JsonObject { ["type"] = "keyword" },
                    [OpenSearchLookups.TypoKeysField] = new JsonObject { ["type"] = "keyword" },
                    [OpenSearchLookups.CompletionKeysField] = new JsonObject { ["type"] = "keyword" },
                    [OpenSearchLookups.CompletionsField] = new JsonObject { ["type"] = "keyword" },
                },
            },
        },
    };

    /// <summary>
    /// One dynamic template per value kind (<see cref="OpenSearchFields"/>), matched by path so the attribute's
    /// type, not the JSON value, decides the mapping. A new attribute adds one field of a fixed, cheap type (no
    /// analyzed text, no per-attribute template), which keeps the mapping small; the field count limit below
    /// still bounds the distinct (kind, key) pairs all tenants together may use.
    /// Keyword attribute values have no ignore_above: a value too long to index fails the bulk item loudly
    /// instead of silently missing from filters.
    /// </summary>
    private static IEnumerable<JsonObject> AttributeTemplates()
    {
        (string Kind, JsonObject Mapping)[] kinds =
        [
            (OpenSearchFields.Keyword, new JsonObject { ["type"] = "keyword" }),
            (OpenSearchFields.Long, new JsonObject { ["type"] = "long" }),
            (OpenSearchFields.Decimal, new JsonObject { ["type"] = "keyword" }),
            (OpenSearchFields.Double, new JsonObject { ["type"] = "double" }),
            (OpenSearchFields.Date, new JsonObject { ["type"] = "date", ["format"] = "strict_date" }),
            (OpenSearchFields.Timestamp, new JsonObject { ["type"] = "long" }),
            (OpenSearchFields.Bool, new JsonObject { ["type"] = "boolean" }),
            (OpenSearchFields.Geo, new JsonObject { ["type"] = "geo_point" }),
        ];
        return kinds.Select(k => new JsonObject
        {
            [$"attrs_{k.Kind}"] = new JsonObject
            {
                ["path_match"] = OpenSearchFields.Path(k.Kind, "*"),
                ["mapping"] = k.Mapping,
            },
        });
    }

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
            lines.Add(Source(tenantId, typeId, document));
        }

        return lines;
    }

    /// <summary>
    /// A document's source: its ids and analyzed terms, its typed filterable values (<see cref="OpenSearchFields"/>)
    /// and timestamps when the indexer gave them, and the typo and completion lookup fields (<see cref="OpenSearchLookups"/>).
    /// </summary>
    public static JsonObject Source(string tenantId, string typeId, SearchDocument document)
    {
        var source = new JsonObject
        {
            [TenantField] = tenantId,
            [TypeField] = typeId,
            [EntityField] = document.EntityId,
            [TermsField] = document.Terms,
        };
        if (document.Values is { } values)
        {
            if (OpenSearchFields.Document(values.Attributes) is { Count: > 0 } attrs)
            {
                source[OpenSearchFields.Root] = attrs;
            }

            source[OpenSearchFields.CreateTimeField] = OpenSearchFields.Microseconds(values.CreateTime);
            source[OpenSearchFields.UpdateTimeField] = OpenSearchFields.Microseconds(values.UpdateTime);
        }

        OpenSearchLookups.AddTo(source, document);
        return source;
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
    /// <para>The filter (<see cref="OpenSearchFilters"/>) is one more filter clause (no effect on scores); facets are
    /// aggregations beside the hits (<see cref="OpenSearchFacets"/>), counted over every match, not the page.</para>
    /// <para>No <c>highlight</c> is requested: the application highlights every backend's hits itself from the
    /// entities' stored values (SearchEntities.Highlights), in the original text with the query's synonyms and typo
    /// candidates, while this index holds only analyzed (folded, stemmed) terms, whose highlights would show those.</para>
    /// </summary>
    public static JsonObject Search(SearchQuery query) => SearchWithSort(query).Body;

    /// <summary>
    /// <see cref="Search"/> and where each hit's distance is in its <c>sort</c> values. The geo circle is one more filter
    /// clause (<see cref="OpenSearchGeoRange.GeoDistanceFilter"/>); the order is <see cref="OpenSearchOrder"/>'s; range facets
    /// are aggregations beside the term facets (<see cref="OpenSearchRangeFacets"/>).
    /// </summary>
    internal static (JsonObject Body, int? DistanceAt) SearchWithSort(SearchQuery query)
    {
        var filters = new List<JsonNode> { Term(TenantField, query.Type.TenantId), Term(TypeField, query.Type.Id) };
        if (query.Filter is { } filter)
        {
            filters.Add(OpenSearchFilters.Clause(filter));
        }

        if (query.Geo is { } geo)
        {
            filters.Add(OpenSearchGeoRange.GeoDistanceFilter(OpenSearchGeoRange.GeoField(geo.Attribute), geo.Circle.Latitude, geo.Circle.Longitude,
                geo.Circle.RadiusMeters));
        }

        var body = SearchBody([.. filters], query.Terms, query.Offset, query.Limit, [EntityField], [EntityField]);
        var sort = OpenSearchOrder.Sort(query);
        body["sort"] = sort.Sort;
        var aggregations = query.Facets.Count > 0 ? OpenSearchFacets.Aggregations(query.Facets, query.FacetBuckets) : new JsonObject();
        OpenSearchRangeFacets.AddTo(aggregations, query.RangeFacets ?? []);
        if (aggregations.Count > 0)
        {
            body["aggregations"] = aggregations;
        }

        return (body, sort.DistanceAt);
    }

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

    internal static JsonObject Term(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value } } };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
}
